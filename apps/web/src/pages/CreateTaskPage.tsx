import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Form, Input, InputNumber, Select } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ChineseDatePicker, dateField, useDraftForm } from '../components/forms';
import { PageTitle } from '../components/bits';
import { useDepartments, usePlan } from '../hooks';
import { get, post } from '../lib/api';
import { errorText } from '../lib/errors';
import type { Indicator, PlanDetail, TaskDetail, TaskSummary } from '../lib/types';
import { dueDateText, OPEN_ENDED_OPTION, REPORT_CYCLE_LABELS } from '../lib/tasks';

interface NewTask {
  title: string;
  planId?: string;
  description?: string;
  leadDepartment: string;
  coDepartments?: string[];
  /** Null: open-ended (长期坚持), sent when `openEnded` is ticked. */
  dueDate: string | null;
  /** The form's "长期坚持（无最终期限）" box: no final deadline, a reporting cycle instead. */
  openEnded?: boolean;
  clauseRef?: string;
  indicatorCodes?: string[];
  requireSignOff?: boolean;
  parentId?: string;
  reportEvery?: 'P1M' | 'P3M' | 'P6M';
  reportDueDay?: number;
  coDepartmentsReport?: boolean;
}

/** The clauses of one plan (a task's clause resolves within its plan), for "clause from the plan". */
export function usePlanClauses(planId: string | null | undefined) {
  return useQuery({
    queryKey: ['plan-clauses', planId],
    staleTime: 10 * 60_000,
    enabled: !!planId,
    queryFn: async () => {
      const detail = await get<PlanDetail>(`/plans/${planId}`);
      return detail.sections.flatMap((s) => s.clauses.map((c) => ({ ...c, section: s.title })));
    },
  });
}

export function CreateTaskPage() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { departments } = useDepartments();
  const chosen = usePlan();
  const indicators = useQuery({ queryKey: ['indicators', ''], queryFn: () => get<Indicator[]>('/indicators') });
  // 分解子任务: /tasks/new?parent=<id> splits that task; its parts are led by its lead or co-departments and due no later.
  const parentId = useSearchParams()[0].get('parent');
  const parent = useQuery({ queryKey: ['task', parentId], queryFn: () => get<TaskDetail>(`/tasks/${parentId}`), enabled: !!parentId });
  // A sub-task joins its parent's plan; any other task the plan chosen in the header.
  const planId = parentId ? parent.data?.planId : chosen.plan?.id;
  const clauses = usePlanClauses(planId);
  const draft = useDraftForm<NewTask>(parentId ? `task:new:${parentId}` : 'task:new');
  const lead = Form.useWatch('leadDepartment', draft.form);
  const reportEvery = Form.useWatch('reportEvery', draft.form);
  const openEnded = Form.useWatch('openEnded', draft.form) === true;
  const create = useMutation({
    mutationFn: (body: Omit<NewTask, 'openEnded'>) => post<TaskSummary>('/tasks', body),
    onSuccess: (task) => {
      draft.done();
      message.success('任务已创建并下达');
      void navigate(`/tasks/${task.id}`);
    },
  });
  const parts = parent.data ? [parent.data.leadDepartmentCode, ...parent.data.coDepartmentCodes] : null;
  const departmentOptions = departments.filter((d) => !parts || parts.includes(d.code)).map((d) => ({ value: d.code, label: d.name }));
  const clauseOptions = useMemo(
    () => (clauses.data ?? []).map((c) => ({ value: c.ref, label: `${c.ref} ${c.text.slice(0, 40)}${c.text.length > 40 ? '…' : ''}` })),
    [clauses.data],
  );
  return (
    <>
      <PageTitle>{parentId ? '分解子任务' : '新建任务'}</PageTitle>
      <Card style={{ maxWidth: 760 }}>
        {parent.data && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="split-parent"
            title={
              <span>
                上级任务：<Link to={`/tasks/${parent.data.id}`}>{parent.data.title}</Link>（截止 {dueDateText(parent.data.dueDate)}
                ）。子任务由其牵头或配合单位承办，截止日期不晚于上级任务。
              </span>
            }
          />
        )}
        {create.error && <Alert type="error" showIcon title={errorText(create.error)} style={{ marginBottom: 16 }} data-testid="form-error" />}
        <Form<NewTask>
          form={draft.form}
          layout="vertical"
          initialValues={draft.initialValues}
          onValuesChange={draft.onValuesChange}
          onFinish={({ openEnded: noDeadline, ...values }) =>
            create.mutate({
              ...values,
              dueDate: noDeadline ? null : values.dueDate,
              parentId: parentId ?? undefined,
              planId: parentId ? undefined : chosen.plan?.id,
              description: values.description || undefined,
              coDepartments: values.coDepartments?.length ? values.coDepartments : undefined,
              clauseRef: values.clauseRef || undefined,
              indicatorCodes: values.indicatorCodes?.length ? values.indicatorCodes : undefined,
            })
          }
        >
          <Form.Item
            label="任务名称"
            name="title"
            rules={[
              { required: true, whitespace: true, message: '请填写任务名称' },
              { max: 300, message: '不超过 300 字' },
            ]}
          >
            <Input />
          </Form.Item>
          <Form.Item label="任务说明" name="description">
            <Input.TextArea rows={4} />
          </Form.Item>
          <Form.Item label="牵头单位" name="leadDepartment" rules={[{ required: true, message: '请选择牵头单位' }]}>
            <Select options={departmentOptions} showSearch={{ optionFilterProp: 'label' }} placeholder="选择牵头单位" />
          </Form.Item>
          <Form.Item label="配合单位" name="coDepartments">
            <Select
              mode="multiple"
              options={departmentOptions.filter((d) => d.value !== lead)}
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="可多选"
            />
          </Form.Item>
          {!openEnded && (
            <Form.Item label="截止日期" name="dueDate" rules={[{ required: true, message: '请选择截止日期' }]} {...dateField}>
              <ChineseDatePicker />
            </Form.Item>
          )}
          <Form.Item name="openEnded" valuePropName="checked" extra="长期坚持的职责没有最终期限，按定期报送周期报送进展、考核报送情况">
            <Checkbox data-testid="open-ended">{OPEN_ENDED_OPTION}</Checkbox>
          </Form.Item>
          <Form.Item
            label="规划条款"
            name="clauseRef"
            extra={
              clauses.error
                ? errorText(clauses.error)
                : `任务所落实的规划条款；任务属于${parentId ? '上级任务的规划' : `「${chosen.plan?.title ?? ''}」（页头切换规划）`}`
            }
          >
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={clauseOptions}
              loading={clauses.isLoading}
              placeholder="输入条款编号或文字搜索"
            />
          </Form.Item>
          <Form.Item label="关联指标" name="indicatorCodes">
            <Select
              mode="multiple"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={(indicators.data ?? []).map((i) => ({ value: i.code, label: i.name }))}
            />
          </Form.Item>
          <Form.Item
            label="定期报送"
            name="reportEvery"
            extra="长期任务可要求按月、季度或半年报送进展，逾期未报会提醒并计入通报"
            rules={openEnded ? [{ required: true, message: '长期坚持的任务须选择报送周期' }] : []}
          >
            <Select
              allowClear
              placeholder="无需定期报送"
              style={{ maxWidth: 240 }}
              options={(Object.keys(REPORT_CYCLE_LABELS) as Array<keyof typeof REPORT_CYCLE_LABELS>).map((c) => ({ value: c, label: REPORT_CYCLE_LABELS[c] }))}
            />
          </Form.Item>
          {reportEvery && (
            <Form.Item label="报送截止日（次月几日前）" name="reportDueDay" initialValue={5}>
              <InputNumber min={1} max={28} precision={0} style={{ width: 120 }} />
            </Form.Item>
          )}
          {reportEvery && (
            <Form.Item
              name="coDepartmentsReport"
              valuePropName="checked"
              extra="勾选后，每个配合单位也须按同一周期报送本单位负责部分的进展（配合单位反馈），逾期未报提醒该单位并计入其通报"
            >
              <Checkbox>配合单位也须定期报送</Checkbox>
            </Form.Item>
          )}
          <Form.Item
            name="requireSignOff"
            valuePropName="checked"
            extra="勾选后，联络员提交的办结材料须经牵头单位负责人审签，再报督查审核（未勾选时按系统默认设置）"
          >
            <Checkbox>需承办单位负责人审签</Checkbox>
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            创建并下达
          </Button>
        </Form>
      </Card>
    </>
  );
}
