import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, Progress, Row, Select, Space, Statistic, Tag, Typography } from 'antd';
import { ScrollTable } from '../components/ScrollTable';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { EVALUATION_LABEL as L, PACE_LABEL } from '../../../../libs/vocabulary/evaluation';
import { ChineseDatePicker } from '../components/forms';
import { PageTitle, QueryError } from '../components/bits';
import { useAuth, usePlan } from '../hooks';
import { download, get, post, put } from '../lib/api';
import { errorText } from '../lib/errors';
import { formatDateTime, formatShare, todayInPlanZone } from '../lib/format';
import { can } from '../lib/permissions';
import type { EvaluationChapter, EvaluationIndicator, Plan, PlanEvaluation } from '../lib/types';

const PACE_COLORS: Record<string, string> = { green: '#52c41a', yellow: '#faad14', red: '#f5222d', unknown: '#bfbfbf' };
const SIGN: Record<string, string> = { '>=': '≥', '<=': '≤', '=': '' };

/** The day a plan is evaluated by default: today while it runs, its last day once it has ended (the final evaluation, 终期评估). */
export function defaultAsOf(plan: Pick<Plan, 'endYear'>, today: string): string {
  const end = `${plan.endYear}-12-31`;
  return today < end ? today : end;
}

/** Met, missed, or not reported: a word in a tag, never colour alone. */
function Result({ indicator }: { indicator: Pick<EvaluationIndicator, 'achieved'> }) {
  if (indicator.achieved === null) return <Tag>{L.unreported}</Tag>;
  return indicator.achieved ? <Tag color="success">{L.achieved}</Tag> : <Tag color="error">{L.notAchieved}</Tag>;
}

/** The pace light: a dot and its words. */
function Pace({ pace }: { pace: EvaluationIndicator['pace'] }) {
  return (
    <span data-pace={pace} style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
      <span aria-hidden style={{ width: 10, height: 10, borderRadius: 5, background: PACE_COLORS[pace], display: 'inline-block' }} />
      {PACE_LABEL[pace]}
    </span>
  );
}

function indicatorColumns(evaluation: PlanEvaluation) {
  return [
    { title: L.indicator, dataIndex: 'name', width: 220 },
    { title: L.unit, dataIndex: 'unit', width: 70 },
    { title: `${evaluation.startYear - 1}年${L.baseline}`, width: 100, render: (_: unknown, i: EvaluationIndicator) => i.baseline ?? '—' },
    { title: `${evaluation.endYear}年${L.target}`, width: 100, render: (_: unknown, i: EvaluationIndicator) => `${SIGN[i.comparator]}${i.target}` },
    {
      title: L.latest,
      width: 120,
      render: (_: unknown, i: EvaluationIndicator) => (i.latest === null ? '—' : `${i.latest}（${i.latestYear}年）`),
    },
    { title: L.result, width: 90, render: (_: unknown, i: EvaluationIndicator) => <Result indicator={i} /> },
    {
      title: L.progress,
      width: 160,
      render: (_: unknown, i: EvaluationIndicator) =>
        i.progress === null ? (
          '—'
        ) : (
          // status "normal": past 100 % antd would write the figure in a light green too pale to read.
          <Progress
            percent={Math.round(Math.max(0, i.progress) * 1000) / 10}
            status="normal"
            size="small"
            format={() => formatShare(i.progress)}
            aria-label={`${i.name}完成进度`}
          />
        ),
    },
    { title: L.pace, width: 150, render: (_: unknown, i: EvaluationIndicator) => <Pace pace={i.pace} /> },
    { title: '责任部门', dataIndex: 'departmentName', width: 120 },
  ];
}

function IndicatorTable({ evaluation, items }: { evaluation: PlanEvaluation; items: EvaluationIndicator[] }) {
  return (
    <ScrollTable<EvaluationIndicator>
      rowKey="code"
      size="small"
      pagination={false}
      scroll={{ x: 1100 }}
      dataSource={items}
      columns={indicatorColumns(evaluation)}
    />
  );
}

type ChapterRow = { key: string; code: string | null; title: string; tasks: EvaluationChapter['tasks']; children?: ChapterRow[] };

function chapterRows(chapters: EvaluationChapter[]): ChapterRow[] {
  return chapters.map((c) => ({
    key: c.code ?? '-',
    code: c.code,
    title: c.title,
    tasks: c.tasks,
    children: c.sections.length > 0 ? c.sections.map((s) => ({ key: s.code, code: s.code, title: s.title, tasks: s.tasks })) : undefined,
  }));
}

/** 规划评估 (分期评估, 规划七(一)): the plan as of a day, the evaluators' findings and measures, finalising, the two reports. */
export function EvaluationPage() {
  const { user } = useAuth();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  // The header's plan switcher and the select here are one choice (remembered in this browser).
  const plans = usePlan();
  const plan = plans.plan ?? null;
  const setChosen = plans.choose;
  const [asOf, setAsOf] = useState<string | null>(null);
  const day = asOf ?? (plan ? defaultAsOf(plan, todayInPlanZone()) : null);
  const key = ['evaluation', plan?.id, day];
  const evaluation = useQuery({
    queryKey: key,
    enabled: plan !== null && day !== null,
    queryFn: () => get<PlanEvaluation>(`/plans/${plan!.id}/evaluation?asOf=${day}`),
  });
  const [form] = Form.useForm<{ findings: string; measures: string }>();
  useEffect(() => {
    if (evaluation.data) form.setFieldsValue({ findings: evaluation.data.findings, measures: evaluation.data.measures });
  }, [evaluation.data, form]);
  const save = useMutation({
    mutationFn: (values: { findings: string; measures: string }) =>
      put(`/plans/${plan!.id}/evaluations/${day}`, { findings: values.findings ?? '', measures: values.measures ?? '' }),
    onSuccess: () => {
      message.success('评估意见已保存');
      void client.invalidateQueries({ queryKey: key });
    },
  });
  const finalize = useMutation({
    mutationFn: () => post(`/plans/${plan!.id}/evaluations/${day}/finalize`),
    onSuccess: () => {
      message.success('评估已定稿');
      void client.invalidateQueries({ queryKey: key });
    },
    onError: (e) => message.error(errorText(e)),
  });
  const confirmFinalize = () =>
    modal.confirm({
      title: `定稿截至 ${day} 的规划评估？`,
      content: '定稿后评估意见不能再修改，指标、任务与问题的数据按定稿时固定，且不可撤销。',
      okText: '确认定稿',
      cancelText: '取消',
      okButtonProps: { danger: true },
      onOk: () => finalize.mutateAsync().catch(() => undefined),
    });
  const [building, setBuilding] = useState<'xlsx' | 'html' | null>(null);
  const report = (kind: 'xlsx' | 'html') => {
    if (!plan || !day) return;
    setBuilding(kind);
    download(`/plans/${plan.id}/evaluation.${kind}?asOf=${day}`, `${plan.title}实施情况评估-${day}.${kind}`)
      .catch((e) => message.error(errorText(e)))
      .finally(() => setBuilding(null));
  };
  const e = evaluation.data;
  const finalized = e?.status === 'finalized';
  const canWrite = can(user, 'evaluation.write') && !finalized;
  const middle = plan ? `${Math.floor((plan.startYear + plan.endYear) / 2)}-06-30` : null;
  return (
    <>
      <PageTitle
        extra={
          <Space wrap>
            <Button loading={building === 'xlsx'} disabled={!e || building !== null} onClick={() => report('xlsx')}>
              下载评估报表（Excel）
            </Button>
            <Button loading={building === 'html'} disabled={!e || building !== null} onClick={() => report('html')}>
              下载评估报告（网页）
            </Button>
          </Space>
        }
      >
        规划评估
      </PageTitle>
      {plans.error && <QueryError error={plans.error} retry={() => plans.refetch()} />}
      {plan && day && (
        <Card size="small" style={{ marginBottom: 12 }}>
          <Space wrap>
            {plans.data && plans.data.length > 1 && (
              <Select
                aria-label="评估的规划"
                value={plan.id}
                onChange={setChosen}
                options={plans.data.map((p) => ({ value: p.id, label: p.title }))}
                style={{ width: 280 }}
              />
            )}
            <label htmlFor="evaluation-as-of">评估截至：</label>
            <ChineseDatePicker id="evaluation-as-of" value={dayjs(day)} onChange={(d) => d && setAsOf(d.format('YYYY-MM-DD'))} />
            {middle && <Button onClick={() => setAsOf(middle)}>中期评估（{middle}）</Button>}
            <Button onClick={() => setAsOf(`${plan.endYear}-12-31`)}>终期评估（{plan.endYear}-12-31）</Button>
            {e && (
              <Tag color={finalized ? 'default' : e.status === 'draft' ? 'processing' : undefined}>
                {finalized ? '已定稿' : e.status === 'draft' ? '草稿（已保存评估意见）' : '未保存评估意见'}
              </Tag>
            )}
          </Space>
          {finalized && (
            <Alert type="info" showIcon style={{ marginTop: 12 }} title={`本期评估已于 ${formatDateTime(e.finalizedAt)} 定稿，数据与评估意见按定稿时固定`} />
          )}
        </Card>
      )}
      {evaluation.error && <QueryError error={evaluation.error} retry={() => evaluation.refetch()} />}
      {e && (
        <>
          <Card size="small" style={{ marginBottom: 12 }} aria-label="评估总览">
            <Row gutter={16}>
              <Col xs={12} md={4}>
                <Statistic title="规划目标完成" value={e.totals.targetsAchieved.achieved} suffix={`/ ${e.totals.targetsAchieved.total}`} />
              </Col>
              <Col xs={12} md={4}>
                <Statistic title="任务完成" value={e.totals.tasksCompleted.completed} suffix={`/ ${e.totals.tasksCompleted.total}`} />
              </Col>
              <Col xs={12} md={4}>
                <Statistic title={L.overdue} value={e.totals.overdueTasks} />
              </Col>
              <Col xs={12} md={4}>
                <Statistic title="进展滞后指标" value={e.totals.offTrackIndicators} />
              </Col>
              <Col xs={12} md={4}>
                <Statistic title="未报送指标" value={e.totals.unreportedIndicators} />
              </Col>
              <Col xs={12} md={4}>
                <Statistic title="逾期未报" value={e.totals.missedReports} />
              </Col>
            </Row>
          </Card>
          <Card size="small" title="规划指标完成情况" style={{ marginBottom: 12 }}>
            <IndicatorTable evaluation={e} items={e.indicators} />
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              由规划表述推算目标的指标（{e.totals.derivedAchieved.achieved}/{e.totals.derivedAchieved.total} 已完成，另列）
            </Typography.Title>
            <IndicatorTable evaluation={e} items={e.derivedIndicators} />
          </Card>
          <Card size="small" title="任务完成情况（按章节）" style={{ marginBottom: 12 }}>
            <ScrollTable<ChapterRow>
              size="small"
              pagination={false}
              scroll={{ x: 900 }}
              dataSource={chapterRows(e.chapters)}
              expandable={{ defaultExpandAllRows: true }}
              columns={[
                { title: L.chapter, width: 110, render: (_, r) => r.code ?? '—' },
                { title: '标题', dataIndex: 'title', width: 200 },
                { title: L.total, width: 70, render: (_, r) => r.tasks.total },
                { title: L.onTime, width: 80, render: (_, r) => r.tasks.onTime },
                { title: L.late, width: 80, render: (_, r) => r.tasks.late },
                { title: L.overdue, width: 90, render: (_, r) => r.tasks.overdue },
                { title: L.notDue, width: 80, render: (_, r) => r.tasks.pending },
                { title: L.cancelled, width: 70, render: (_, r) => r.tasks.cancelled },
                { title: L.carriedOver, width: 70, render: (_, r) => r.tasks.carriedOver },
              ]}
            />
          </Card>
          <Card size="small" title="存在问题（按责任部门）" style={{ marginBottom: 12 }}>
            {e.problems.length === 0 && <Typography.Text type="secondary">无。</Typography.Text>}
            {e.problems.map((p) => (
              <Descriptions key={p.departmentCode} size="small" bordered column={1} title={p.departmentName} style={{ marginBottom: 12 }}>
                <Descriptions.Item label={`逾期未完成任务（${p.overdueTasks.length}）`}>
                  {p.overdueTasks.map((t) => `${t.title}（截止 ${t.dueDate}，逾期 ${t.daysOverdue} 天）`).join('；') || '无'}
                </Descriptions.Item>
                <Descriptions.Item label={`进展滞后指标（${p.offTrackIndicators.length}）`}>
                  {p.offTrackIndicators.map((i) => `${i.name}（${PACE_LABEL[i.pace]}）`).join('；') || '无'}
                </Descriptions.Item>
                <Descriptions.Item label={`未报送指标（${p.unreportedIndicators.length}）`}>
                  {p.unreportedIndicators.map((i) => i.name).join('；') || '无'}
                </Descriptions.Item>
                <Descriptions.Item label={`逾期未报（${p.missedReports.length}）`}>
                  {p.missedReports.map((r) => `${r.taskTitle}（${r.period}，应于 ${r.dueDate} 前报送）`).join('；') || '无'}
                </Descriptions.Item>
              </Descriptions>
            ))}
          </Card>
          <Card size="small" title="评估意见">
            {save.error && <Alert type="error" showIcon title={errorText(save.error)} style={{ marginBottom: 12 }} />}
            <Form form={form} layout="vertical" disabled={!canWrite} onFinish={(v) => save.mutate(v)}>
              <Form.Item label={L.findings} name="findings">
                <Input.TextArea rows={6} maxLength={50000} />
              </Form.Item>
              <Form.Item label={L.measures} name="measures">
                <Input.TextArea rows={6} maxLength={50000} />
              </Form.Item>
            </Form>
            <Space>
              {can(user, 'evaluation.write') && (
                <Button type="primary" disabled={finalized} loading={save.isPending} onClick={() => form.submit()}>
                  保存评估意见
                </Button>
              )}
              {can(user, 'evaluation.finalize') && e.status === 'draft' && (
                <Button danger loading={finalize.isPending} onClick={confirmFinalize}>
                  定稿
                </Button>
              )}
              {e.updatedAt && <Typography.Text type="secondary">最近保存：{formatDateTime(e.updatedAt)}</Typography.Text>}
            </Space>
          </Card>
        </>
      )}
    </>
  );
}
