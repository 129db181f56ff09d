import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Tag } from 'antd';
import { ScrollTable } from '../components/ScrollTable';
import { useState } from 'react';
import { useDraftForm } from '../components/forms';
import { PageTitle, QueryError } from '../components/bits';
import { useAuth, useDepartments } from '../hooks';
import { get, post } from '../lib/api';
import { errorText } from '../lib/errors';
import { formatNumber } from '../lib/format';
import type { Indicator } from '../lib/types';

const TRENDS: Record<string, { label: string; color: string }> = {
  on_track: { label: '可达成', color: 'green' },
  at_risk: { label: '有风险', color: 'gold' },
  off_track: { label: '难达成', color: 'red' },
};

/** The plan's targets; a liaison reports its department's yearly values (指标填报). */
export function IndicatorsPage() {
  const { user } = useAuth();
  const { name } = useDepartments();
  const { message } = App.useApp();
  const client = useQueryClient();
  const own = user.role === 'liaison' ? (user.departmentCode ?? '') : '';
  const list = useQuery({
    queryKey: ['indicators', own],
    queryFn: () => get<Indicator[]>(`/indicators${own ? `?department=${encodeURIComponent(own)}` : ''}`),
  });
  const [reporting, setReporting] = useState<Indicator | null>(null);
  const draft = useDraftForm<{ year: number; value: number; note?: string }>(`indicator:${reporting?.code ?? ''}`);
  const report = useMutation({
    mutationFn: (v: { year: number; value: number; note?: string }) =>
      post(`/indicators/${encodeURIComponent(reporting!.code)}/values`, { year: v.year, value: v.value, note: v.note || undefined }),
    onSuccess: () => {
      message.success('指标数值已填报');
      draft.done();
      setReporting(null);
      void client.invalidateQueries({ queryKey: ['indicators'] });
    },
  });
  const unit = (u: string, v: number | null | undefined) => (v === null || v === undefined ? '—' : `${formatNumber(v)}${u ? ` ${u}` : ''}`);
  return (
    <>
      <PageTitle>{own ? '指标填报' : '目标指标'}</PageTitle>
      {list.error && <QueryError error={list.error} retry={() => list.refetch()} />}
      <ScrollTable<Indicator>
        rowKey="code"
        size="small"
        loading={list.isLoading}
        dataSource={list.data ?? []}
        scroll={{ x: 900 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: '暂无指标' }}
        columns={[
          { title: '指标', dataIndex: 'name', fixed: 'left', width: 220 },
          { title: '责任单位', render: (_, i) => name(i.departmentCode), width: 130 },
          {
            title: '基期值',
            render: (_, i) => (
              <>
                {unit(i.unit, i.baseline)}
                {i.baselineYear ? `（${i.baselineYear}年）` : ''}
              </>
            ),
            width: 130,
          },
          {
            title: '目标值',
            render: (_, i) => (
              <>
                {unit(i.unit, i.target)}（{i.targetYear}年）
              </>
            ),
            width: 130,
          },
          {
            title: '最新值',
            render: (_, i) =>
              i.latest ? (
                <>
                  {unit(i.unit, i.latest.value)}（{i.latest.year}年）
                </>
              ) : (
                '未填报'
              ),
            width: 130,
          },
          { title: '趋势', render: (_, i) => (i.trend ? <Tag color={TRENDS[i.trend]?.color}>{TRENDS[i.trend]?.label}</Tag> : '—'), width: 80 },
          { title: '条款', dataIndex: 'clauseRef', width: 100 },
          ...(own
            ? [
                {
                  title: '操作',
                  key: 'op',
                  width: 80,
                  fixed: 'right' as const,
                  render: (_: unknown, i: Indicator) => (
                    <Button size="small" onClick={() => setReporting(i)}>
                      填报
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        title={reporting ? `填报：${reporting.name}` : ''}
        open={reporting !== null}
        okText="提交"
        cancelText="取消"
        confirmLoading={report.isPending}
        onCancel={() => setReporting(null)}
        onOk={() => draft.form.submit()}
        destroyOnHidden
      >
        {report.error && <Alert type="error" showIcon title={errorText(report.error)} style={{ marginBottom: 12 }} />}
        <Form
          form={draft.form}
          layout="vertical"
          initialValues={draft.initialValues ?? { year: new Date().getFullYear() - 1 }}
          onValuesChange={draft.onValuesChange}
          onFinish={(v) => report.mutate(v)}
        >
          <Form.Item label="年度" name="year" rules={[{ required: true, message: '请填写年度' }]}>
            <InputNumber min={1900} max={2200} precision={0} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item label={`数值${reporting?.unit ? `（${reporting.unit}）` : ''}`} name="value" rules={[{ required: true, message: '请填写数值' }]}>
            <InputNumber style={{ width: 200 }} />
          </Form.Item>
          <Form.Item label="说明（数据来源等）" name="note">
            <Input.TextArea rows={2} maxLength={10000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
