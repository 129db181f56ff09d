import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Form, Input, InputNumber, Select, Space } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ChineseDatePicker, dateField } from '../components/forms';
import { PageTitle, QueryError } from '../components/bits';
import { useDepartments } from '../hooks';
import { get, patch } from '../lib/api';
import { ApiError, errorText } from '../lib/errors';
import { OPEN_ENDED_OPTION, REPORT_CYCLE_LABELS } from '../lib/tasks';
import type { Indicator, TaskDetail } from '../lib/types';
import { usePlanClauses } from './CreateTaskPage';

/** What the edit screen changes: every field PATCH /tasks/:id takes. */
interface TaskFields {
  title: string;
  description: string;
  leadDepartment: string;
  coDepartments: string[];
  assigneeId?: string;
  supervisorId?: string;
  dueDate?: string;
  /** 长期坚持（无最终期限）: sent as `dueDate: null`. */
  openEnded: boolean;
  clauseRef?: string;
  indicatorCodes: string[];
  requireSignOff: boolean;
  reportEvery?: 'P1M' | 'P3M' | 'P6M';
  reportDueDay?: number;
  coDepartmentsReport: boolean;
}

interface DirectoryEntry {
  id: string;
  name: string;
  role: string;
  departmentCode: string | null;
}

function fieldsOf(t: TaskDetail): TaskFields {
  return {
    title: t.title,
    description: t.description ?? '',
    leadDepartment: t.leadDepartmentCode,
    coDepartments: t.coDepartmentCodes,
    assigneeId: t.assigneeId ?? undefined,
    supervisorId: t.supervisor?.id ?? undefined,
    dueDate: t.dueDate ?? undefined,
    openEnded: t.dueDate === null,
    clauseRef: t.clauseRef ?? undefined,
    indicatorCodes: t.indicatorCodes ?? [],
    requireSignOff: t.requireSignOff,
    reportEvery: t.reportEvery ?? undefined,
    reportDueDay: t.reportDueDay,
    coDepartmentsReport: t.coDepartmentsReport,
  };
}

/**
 * 修改任务 (supervisor): every editable field, sent with the version read, so a change made by
 * someone else in between is refused (409) and shown with a reload instead of being overwritten.
 */
export function EditTaskPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = App.useApp();
  const { departments } = useDepartments();
  const [form] = Form.useForm<TaskFields>();
  const task = useQuery({ queryKey: ['task', id], queryFn: () => get<TaskDetail>(`/tasks/${id}`) });
  const clauses = usePlanClauses(task.data?.planId);
  const lead = Form.useWatch('leadDepartment', form);
  const reportEvery = Form.useWatch('reportEvery', form);
  const openEnded = Form.useWatch('openEnded', form) === true;
  const people = useQuery({ queryKey: ['directory'], queryFn: () => get<DirectoryEntry[]>('/users/directory'), staleTime: 60_000 });
  const indicators = useQuery({ queryKey: ['indicators', ''], queryFn: () => get<Indicator[]>('/indicators') });
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) => patch<TaskDetail>(`/tasks/${id}`, body),
    onSuccess: () => {
      message.success('任务已修改');
      void client.invalidateQueries({ queryKey: ['task', id] });
      void client.invalidateQueries({ queryKey: ['tasks'] });
      void navigate(`/tasks/${id}`);
    },
  });
  const clauseOptions = useMemo(() => (clauses.data ?? []).map((c) => ({ value: c.ref, label: `${c.ref} ${c.text.slice(0, 40)}` })), [clauses.data]);
  if (task.error) return <QueryError error={task.error} retry={() => task.refetch()} />;
  if (!task.data) return <Card loading />;
  const t = task.data;
  const before = fieldsOf(t);
  const stale = save.error instanceof ApiError && save.error.status === 409;
  const departmentOptions = departments.map((d) => ({ value: d.code, label: d.name }));
  const staffOf = (code: string | undefined) => (people.data ?? []).filter((u) => u.departmentCode === code && (u.role === 'liaison' || u.role === 'leader'));
  const supervisors = (people.data ?? []).filter((u) => u.role === 'supervisor');
  return (
    <>
      <PageTitle extra={<Link to={`/tasks/${id}`}>返回任务</Link>}>修改任务：{t.title}</PageTitle>
      <Card style={{ maxWidth: 760 }}>
        {stale && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="stale"
            title="任务已被他人修改，您的修改未保存"
            description="请重新载入最新内容后再修改。"
            action={
              <Button
                size="small"
                onClick={() => {
                  // The notice stays until the fields hold the latest task, so nothing typed meanwhile is overwritten unseen.
                  void task.refetch().then((r) => {
                    if (r.data) form.setFieldsValue(fieldsOf(r.data));
                    save.reset();
                  });
                }}
              >
                重新载入
              </Button>
            }
          />
        )}
        {save.error && !stale && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={errorText(save.error)} data-testid="form-error" />}
        <Form<TaskFields>
          form={form}
          name="editTask"
          layout="vertical"
          initialValues={before}
          onFinish={({ openEnded: noDeadline, ...values }) => {
            // Only what changed, with the version read: PATCH refuses a stale one. An open-ended task's deadline is null.
            const was: Record<string, unknown> = { ...before, dueDate: t.dueDate };
            const changed = Object.fromEntries(
              Object.entries({ ...values, dueDate: noDeadline ? null : values.dueDate }).filter(
                ([key, value]) => JSON.stringify(value ?? null) !== JSON.stringify(was[key] ?? null),
              ),
            );
            if (Object.keys(changed).length === 0) {
              message.info('没有修改');
              return;
            }
            save.mutate({ ...changed, version: t.version });
          }}
        >
          <Form.Item label="任务名称" name="title" rules={[{ required: true, whitespace: true, message: '请填写任务名称' }]}>
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item label="任务说明" name="description">
            <Input.TextArea rows={4} />
          </Form.Item>
          <Space wrap style={{ width: '100%' }} align="start">
            <Form.Item label="牵头单位" name="leadDepartment" rules={[{ required: true }]} extra="改换牵头单位时，原承办人不再负责（须重新指定）">
              <Select style={{ width: 220 }} options={departmentOptions} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
            <Form.Item label="承办人" name="assigneeId">
              <Select
                style={{ width: 220 }}
                allowClear
                placeholder="牵头单位联络员均可办理"
                options={staffOf(lead).map((u) => ({ value: u.id, label: u.name }))}
                showSearch={{ optionFilterProp: 'label' }}
              />
            </Form.Item>
          </Space>
          <Form.Item label="配合单位" name="coDepartments">
            <Select mode="multiple" options={departmentOptions.filter((d) => d.value !== lead)} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
          <Space wrap style={{ width: '100%' }} align="start">
            {!openEnded && (
              <Form.Item label="截止日期" name="dueDate" rules={[{ required: true }]} {...dateField}>
                <ChineseDatePicker />
              </Form.Item>
            )}
            <Form.Item label=" " name="openEnded" valuePropName="checked">
              <Checkbox data-testid="open-ended">{OPEN_ENDED_OPTION}</Checkbox>
            </Form.Item>
            <Form.Item label="督办责任人" name="supervisorId">
              <Select style={{ width: 220 }} options={supervisors.map((u) => ({ value: u.id, label: u.name }))} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
          </Space>
          <Form.Item label="规划条款" name="clauseRef">
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={clauseOptions} />
          </Form.Item>
          <Form.Item label="关联指标" name="indicatorCodes">
            <Select
              mode="multiple"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={(indicators.data ?? []).map((i) => ({ value: i.code, label: i.name }))}
            />
          </Form.Item>
          <Space wrap style={{ width: '100%' }} align="start">
            <Form.Item label="定期报送" name="reportEvery" rules={openEnded ? [{ required: true, message: '长期坚持的任务须选择报送周期' }] : []}>
              <Select
                style={{ width: 160 }}
                placeholder="无需定期报送"
                options={(Object.keys(REPORT_CYCLE_LABELS) as Array<keyof typeof REPORT_CYCLE_LABELS>).map((c) => ({
                  value: c,
                  label: REPORT_CYCLE_LABELS[c],
                }))}
              />
            </Form.Item>
            {reportEvery && (
              <Form.Item label="报送截止日（次月几日前）" name="reportDueDay">
                <InputNumber min={1} max={28} precision={0} />
              </Form.Item>
            )}
          </Space>
          {reportEvery && (
            <Form.Item name="coDepartmentsReport" valuePropName="checked" extra="每个配合单位也按同一周期报送本单位负责部分的进展（配合单位反馈）">
              <Checkbox>配合单位也须定期报送</Checkbox>
            </Form.Item>
          )}
          <Form.Item name="requireSignOff" valuePropName="checked">
            <Checkbox>需承办单位负责人审签</Checkbox>
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            保存修改
          </Button>
        </Form>
      </Card>
    </>
  );
}
