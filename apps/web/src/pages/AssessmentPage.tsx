import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ASSESSMENT_LABEL as L } from '../../../../libs/vocabulary/assessment';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Progress, Select, Space, Tag } from 'antd';
import { ScrollTable } from '../components/ScrollTable';
import { useState } from 'react';
import { useDraftForm } from '../components/forms';
import { PageTitle, QueryError } from '../components/bits';
import { useAuth } from '../hooks';
import { download, get, post, put } from '../lib/api';
import { ApiError, errorText } from '../lib/errors';
import { formatNumber, formatShare, todayInPlanZone } from '../lib/format';
import type { ReportStep } from '../lib/reports';
import type { AssessmentCycle, DepartmentAssessment } from '../lib/types';

/** 年度考核: each department's computed metrics, the reviewers' scores with comments, the ranking and both reports. */
import { can } from '../lib/permissions';
export function AssessmentPage() {
  const { user } = useAuth();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const cycles = useQuery({ queryKey: ['assessments'], queryFn: () => get<AssessmentCycle[]>('/assessments') });
  const [chosen, setChosen] = useState<number | null>(null);
  const years = (cycles.data ?? []).map((c) => c.year).sort((a, b) => b - a);
  const year = chosen ?? years[0] ?? null;
  const cycle = (cycles.data ?? []).find((c) => c.year === year);
  const rows = useQuery({
    queryKey: ['assessments', year, 'departments'],
    enabled: year !== null,
    queryFn: () => get<DepartmentAssessment[]>(`/assessments/${year}/departments`),
  });
  const [scoring, setScoring] = useState<DepartmentAssessment | null>(null);
  const draft = useDraftForm<{ score: number; comment?: string }>(`score:${year}:${scoring?.departmentCode ?? ''}`);
  const mine = (row: DepartmentAssessment) => row.reviewerScores.find((s) => s.reviewerId === user.id);
  const score = useMutation({
    mutationFn: (values: { score: number; comment?: string }) => {
      const own = scoring ? mine(scoring) : undefined;
      return put(`/assessments/${year}/departments/${scoring!.departmentCode}`, {
        score: values.score,
        comment: values.comment ?? '',
        ...(own ? { version: own.version } : {}),
      });
    },
    onSuccess: () => {
      message.success('评分已保存');
      draft.done();
      setScoring(null);
      void client.invalidateQueries({ queryKey: ['assessments', year, 'departments'] });
    },
  });
  // A large report is built by the worker: the bar follows its job until the file is saved.
  const [building, setBuilding] = useState<{ kind: 'xlsx' | 'html'; step: ReportStep | null } | null>(null);
  const report = (kind: 'xlsx' | 'html') => {
    setBuilding({ kind, step: null });
    download(`/assessments/${year}/report.${kind}`, `年度考核-${year}.${kind}`, (step) => setBuilding({ kind, step }))
      .catch((e) => message.error(errorText(e)))
      .finally(() => setBuilding(null));
  };
  const canOpen = can(user, 'assessment.open');
  const [opening, setOpening] = useState(false);
  const openForm = Form.useForm<{ year: number }>()[0];
  const open = useMutation({
    mutationFn: (values: { year: number }) => post<AssessmentCycle>('/assessments', { year: values.year }),
    onSuccess: (opened) => {
      message.success(`已开启 ${opened.year} 年度考核`);
      setOpening(false);
      setChosen(opened.year);
      void client.invalidateQueries({ queryKey: ['assessments'] });
    },
  });
  const finalize = useMutation({
    mutationFn: (finalYear: number) => post<AssessmentCycle>(`/assessments/${finalYear}/finalize`),
    onSuccess: (done) => {
      message.success(`${done.year} 年度考核已定稿`);
      void client.invalidateQueries({ queryKey: ['assessments'] });
    },
    onError: (e) => message.error(errorText(e)),
  });
  const confirmFinalize = () => {
    if (year === null) return;
    modal.confirm({
      title: `定稿 ${year} 年度考核？`,
      content: '定稿后本年度考核将被锁定：不能再评分或修改评分，排名、得分和考核报告按定稿时的数据固定，且不可撤销。',
      okText: '确认定稿',
      cancelText: '取消',
      okButtonProps: { danger: true },
      onOk: () => finalize.mutateAsync(year).catch(() => undefined),
    });
  };
  const finalized = cycle?.status === 'finalized';
  const thisYear = Number(todayInPlanZone().slice(0, 4));
  return (
    <>
      <PageTitle
        extra={
          <Space wrap>
            {canOpen && (
              <Button
                onClick={() => {
                  open.reset();
                  openForm.setFieldsValue({ year: years.includes(thisYear) ? Math.max(...years) + 1 : thisYear });
                  setOpening(true);
                }}
              >
                开启考核周期
              </Button>
            )}
            {year !== null && (
              <Button loading={building?.kind === 'xlsx'} disabled={building !== null} onClick={() => report('xlsx')}>
                下载考核报表（Excel）
              </Button>
            )}
            {year !== null && (
              <Button loading={building?.kind === 'html'} disabled={building !== null} onClick={() => report('html')}>
                下载考核报告（网页）
              </Button>
            )}
          </Space>
        }
      >
        年度考核
      </PageTitle>
      {cycles.error && <QueryError error={cycles.error} retry={() => cycles.refetch()} />}
      {cycles.data && years.length === 0 && (
        <Alert type="info" showIcon title={canOpen ? '尚未开启任何年度的考核，请点击“开启考核周期”' : '尚未开启任何年度的考核，请联系管理员开启考核周期'} />
      )}
      {building?.step?.kind === 'wait' && (
        <Card size="small" style={{ marginBottom: 12 }} aria-label="报告生成进度">
          <div>本年度任务较多，报告正在后台生成，完成后将自动下载：{building.step.text}</div>
          <Progress percent={building.step.percent} status="active" aria-label="报告生成进度" />
        </Card>
      )}
      {year !== null && (
        <Card size="small" style={{ marginBottom: 12 }}>
          <Space wrap>
            考核年度：
            <Select
              aria-label="考核年度"
              value={year}
              onChange={setChosen}
              options={years.map((y) => ({ value: y, label: `${y}年` }))}
              style={{ width: 120 }}
            />
            {cycle && <Tag color={cycle.status === 'open' ? 'green' : 'default'}>{cycle.status === 'open' ? '评分中' : '已定稿'}</Tag>}
            {can(user, 'assessment.finalize') && cycle?.status === 'open' && (
              <Button danger loading={finalize.isPending} onClick={confirmFinalize}>
                定稿
              </Button>
            )}
          </Space>
          {finalized && <Alert type="info" showIcon style={{ marginTop: 12 }} title="本年度考核已定稿，评分已锁定，排名与报告按定稿时的数据固定" />}
        </Card>
      )}
      {rows.error && <QueryError error={rows.error} retry={() => rows.refetch()} />}
      {year !== null && (
        <ScrollTable<DepartmentAssessment>
          rowKey="departmentCode"
          size="small"
          loading={rows.isLoading}
          dataSource={[...(rows.data ?? [])].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity))}
          scroll={{ x: 1180 }}
          pagination={false}
          columns={[
            { title: L.rank, width: 90, fixed: 'left', render: (_, r) => r.rank ?? <Tag>无考核任务</Tag> },
            { title: L.department, dataIndex: 'departmentName', width: 150, fixed: 'left' },
            { title: L.due, render: (_, r) => r.metrics.due, width: 80 },
            { title: L.onTime, render: (_, r) => r.metrics.onTime, width: 80 },
            { title: L.late, render: (_, r) => r.metrics.late, width: 80 },
            { title: L.overdue, render: (_, r) => r.metrics.overdue, width: 80 },
            { title: L.returns, render: (_, r) => r.metrics.returns, width: 80 },
            { title: L.evidenceShare, render: (_, r) => formatShare(r.metrics.evidenceShare), width: 90 },
            { title: L.reportsMissed, render: (_, r) => r.metrics.reportsMissed, width: 80 },
            { title: L.computedScore, render: (_, r) => formatNumber(r.computedScore), width: 80 },
            { title: L.reviewerMean, render: (_, r) => formatNumber(r.reviewerMean), width: 80 },
            { title: L.finalScore, render: (_, r) => <b>{formatNumber(r.finalScore)}</b>, width: 80 },
            ...(user.role === 'reviewer'
              ? [
                  {
                    title: '我的评分',
                    width: 160,
                    render: (_: unknown, r: DepartmentAssessment) => {
                      const own = mine(r);
                      return (
                        <Space direction="vertical" size={0}>
                          {own ? (
                            <span>
                              {formatNumber(own.score)}
                              {own.comment ? `：${own.comment}` : ''}
                            </span>
                          ) : (
                            <span style={{ color: '#666' }}>未评分</span>
                          )}
                          <Button
                            size="small"
                            type="link"
                            style={{ padding: 0 }}
                            disabled={finalized}
                            title={finalized ? '已定稿，不能再评分' : undefined}
                            onClick={() => setScoring(r)}
                          >
                            {own ? '修改评分' : '评分'}
                          </Button>
                        </Space>
                      );
                    },
                  },
                ]
              : []),
          ]}
        />
      )}
      <Modal
        title="开启考核周期"
        open={opening}
        okText="开启"
        cancelText="取消"
        confirmLoading={open.isPending}
        onCancel={() => setOpening(false)}
        onOk={() => openForm.submit()}
        forceRender
      >
        {open.error && (
          <Alert
            type="error"
            showIcon
            title={open.error instanceof ApiError && open.error.status === 409 ? '该年度的考核周期已开启，无需重复开启' : errorText(open.error)}
            style={{ marginBottom: 12 }}
          />
        )}
        <Form form={openForm} layout="vertical" onFinish={(v) => open.mutate(v)}>
          <Form.Item label="考核年度" name="year" extra="考核截止日期在该年度内的任务" rules={[{ required: true, message: '请填写考核年度' }]}>
            <InputNumber min={2000} max={2100} precision={0} style={{ width: 160 }} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        title={scoring ? `评分：${scoring.departmentName}` : ''}
        open={scoring !== null}
        okText="保存"
        cancelText="取消"
        confirmLoading={score.isPending}
        onCancel={() => setScoring(null)}
        onOk={() => draft.form.submit()}
        destroyOnHidden
      >
        {score.error && <Alert type="error" showIcon title={errorText(score.error)} style={{ marginBottom: 12 }} />}
        <Form
          form={draft.form}
          layout="vertical"
          onValuesChange={draft.onValuesChange}
          initialValues={draft.initialValues ?? (scoring && mine(scoring) ? { score: mine(scoring)!.score, comment: mine(scoring)!.comment } : undefined)}
          onFinish={(v) => score.mutate(v)}
        >
          <Form.Item label="评分（0–100）" name="score" rules={[{ required: true, message: '请填写评分' }]}>
            <InputNumber min={0} max={100} precision={2} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item label="评语" name="comment">
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
