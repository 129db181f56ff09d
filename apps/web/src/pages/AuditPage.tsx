import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { ScrollTable } from '../components/ScrollTable';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { PageTitle, QueryError } from '../components/bits';
import { download, get } from '../lib/api';
import { AUDIT_ACTION_FILTERS, AUDIT_ENTITY_LABELS, type AuditEntry, type AuditFilter, auditQuery, auditSummary } from '../lib/audit';
import { errorText } from '../lib/errors';
import { formatDateTime } from '../lib/format';

interface FilterForm {
  actor?: string;
  action?: string;
  entity?: string;
  entityId?: string;
  days?: [Dayjs | null, Dayjs | null] | null;
}

const PAGE_SIZE = 50;

/** 审计日志 (安全审计员; the admin unless duties are separated): every recorded change, filtered, exported, and the chain verified. */
export function AuditPage() {
  const { message } = App.useApp();
  const [form] = Form.useForm<FilterForm>();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [page, setPage] = useState(1);
  const entries = useQuery({
    queryKey: ['audit', filter, page],
    queryFn: () => get<{ items: AuditEntry[]; total: number }>(`/audit${auditQuery(filter, { page, limit: PAGE_SIZE })}`),
    placeholderData: keepPreviousData,
  });
  const verify = useMutation({
    mutationFn: () => get<{ checked: number; broken: { seq: number; reason: string } | null; verifiedAt: string }>('/audit/verify'),
  });
  const [exporting, setExporting] = useState(false);
  const exportAll = async () => {
    setExporting(true);
    try {
      await download(`/audit.xlsx${auditQuery(filter)}`, `审计日志-${dayjs().format('YYYY-MM-DD')}.xlsx`);
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setExporting(false);
    }
  };
  const apply = (values: FilterForm) => {
    setPage(1);
    setFilter({
      actor: values.actor,
      action: values.action,
      entity: values.entity,
      entityId: values.entityId,
      from: values.days?.[0]?.format('YYYY-MM-DD'),
      to: values.days?.[1]?.format('YYYY-MM-DD'),
    });
  };
  return (
    <>
      <PageTitle
        extra={
          <Space wrap>
            <Button onClick={() => verify.mutate()} loading={verify.isPending}>
              校验审计链
            </Button>
            <Button onClick={() => void exportAll()} loading={exporting}>
              导出 Excel
            </Button>
          </Space>
        }
      >
        审计日志
      </PageTitle>
      {verify.data && (
        <Alert
          role="status"
          showIcon
          style={{ marginBottom: 12 }}
          type={verify.data.broken ? 'error' : 'success'}
          title={
            verify.data.broken
              ? `审计链在第 ${verify.data.broken.seq} 条记录处断裂（${verify.data.broken.reason}），此前 ${verify.data.checked} 条完好：记录可能被篡改，请立即上报`
              : `审计链完好：共校验 ${verify.data.checked} 条记录（${formatDateTime(verify.data.verifiedAt)}）`
          }
        />
      )}
      {verify.error && <QueryError error={verify.error} />}
      <Form<FilterForm> form={form} layout="inline" onFinish={apply} style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item label="操作人" name="actor">
          <Input allowClear placeholder="姓名或邮箱" style={{ width: 180 }} maxLength={200} />
        </Form.Item>
        <Form.Item label="操作" name="action">
          <Select allowClear placeholder="全部" style={{ width: 150 }} options={AUDIT_ACTION_FILTERS} />
        </Form.Item>
        <Form.Item label="对象" name="entity">
          <Select
            allowClear
            placeholder="全部"
            style={{ width: 120 }}
            options={Object.entries(AUDIT_ENTITY_LABELS).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item label="对象编号" name="entityId">
          <Input allowClear style={{ width: 160 }} maxLength={100} />
        </Form.Item>
        <Form.Item label="日期" name="days">
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              查询
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                apply({});
              }}
            >
              清空
            </Button>
          </Space>
        </Form.Item>
      </Form>
      {entries.error && <QueryError error={entries.error} retry={() => entries.refetch()} />}
      <ScrollTable<AuditEntry>
        rowKey="seq"
        size="small"
        loading={entries.isFetching}
        dataSource={entries.data?.items ?? []}
        scroll={{ x: 1100 }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: entries.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => `共 ${total} 条`,
          onChange: setPage,
        }}
        columns={[
          { title: '序号', dataIndex: 'seq', width: 80 },
          { title: '时间', dataIndex: 'at', width: 160, render: (at: string) => formatDateTime(at) },
          {
            title: '操作人',
            key: 'actor',
            width: 200,
            render: (_, e) => (e.actorId ? `${e.actorName ?? ''}（${e.actorEmail ?? e.actorId}）` : <Typography.Text type="secondary">系统</Typography.Text>),
          },
          {
            title: '操作',
            key: 'action',
            width: 170,
            render: (_, e) => (
              <Space size={4} direction="vertical">
                <span>{e.actionLabel}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {e.action}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: '对象',
            key: 'entity',
            width: 220,
            render: (_, e) => (
              <Space size={4} wrap>
                <Tag>{AUDIT_ENTITY_LABELS[e.entity] ?? e.entity}</Tag>
                {e.taskId ? <Link to={`/tasks/${e.taskId}`}>{e.entityId}</Link> : <span style={{ wordBreak: 'break-all' }}>{e.entityId}</span>}
              </Space>
            ),
          },
          { title: '来源地址', dataIndex: 'ip', width: 130, render: (ip: string | null) => ip ?? '—' },
          { title: '详情', key: 'detail', render: (_, e) => <span style={{ wordBreak: 'break-all' }}>{auditSummary(e) || '—'}</span> },
        ]}
      />
    </>
  );
}
