import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useDraftForm } from '../components/forms';
import { PageTitle, QueryError } from '../components/bits';
import { useAuth } from '../hooks';
import { download, get, put } from '../lib/api';
import { errorText } from '../lib/errors';
import { formatNumber, formatShare } from '../lib/format';
import type { AssessmentCycle, DepartmentAssessment } from '../lib/types';

/** 年度考核: each department's computed metrics, the reviewers' scores with comments, the ranking and both reports. */
export function AssessmentPage() {
  const { user } = useAuth();
  const { message } = App.useApp();
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
      return put(`/assessments/${year}/departments/${scoring!.departmentCode}`, { score: values.score, comment: values.comment ?? '', ...(own ? { version: own.version } : {}) });
    },
    onSuccess: () => {
      message.success('评分已保存');
      draft.done();
      setScoring(null);
      void client.invalidateQueries({ queryKey: ['assessments', year, 'departments'] });
    },
  });
  const report = (kind: 'xlsx' | 'html') =>
    download(`/assessments/${year}/report.${kind}`, `年度考核-${year}.${kind}`).catch((e) => message.error(errorText(e)));
  return (
    <>
      <PageTitle extra={year !== null && (
        <Space wrap>
          <Button onClick={() => report('xlsx')}>下载考核报表（Excel）</Button>
          <Button onClick={() => report('html')}>下载考核报告（网页）</Button>
        </Space>
      )}>年度考核</PageTitle>
      {cycles.error && <QueryError error={cycles.error} retry={() => cycles.refetch()} />}
      {cycles.data && years.length === 0 && <Alert type="info" showIcon title="尚未开启任何年度的考核，请联系管理员开启考核周期" />}
      {year !== null && (
        <Card size="small" style={{ marginBottom: 12 }}>
          <Space wrap>
            考核年度：
            <Select value={year} onChange={setChosen} options={years.map((y) => ({ value: y, label: `${y}年` }))} style={{ width: 120 }} />
            {cycle && <Tag color={cycle.status === 'open' ? 'green' : 'default'}>{cycle.status === 'open' ? '评分中' : '已定稿'}</Tag>}
          </Space>
        </Card>
      )}
      {rows.error && <QueryError error={rows.error} retry={() => rows.refetch()} />}
      {year !== null && (
        <Table<DepartmentAssessment>
          rowKey="departmentCode"
          size="small"
          loading={rows.isLoading}
          dataSource={[...(rows.data ?? [])].sort((a, b) => a.rank - b.rank)}
          scroll={{ x: 1100 }}
          pagination={false}
          columns={[
            { title: '排名', dataIndex: 'rank', width: 60, fixed: 'left' },
            { title: '单位', dataIndex: 'departmentName', width: 150, fixed: 'left' },
            { title: '年度任务', render: (_, r) => r.metrics.due, width: 80 },
            { title: '按期办结', render: (_, r) => r.metrics.onTime, width: 80 },
            { title: '逾期办结', render: (_, r) => r.metrics.late, width: 80 },
            { title: '逾期未办', render: (_, r) => r.metrics.overdue, width: 80 },
            { title: '退回次数', render: (_, r) => r.metrics.returns, width: 80 },
            { title: '佐证齐全率', render: (_, r) => formatShare(r.metrics.evidenceShare), width: 90 },
            { title: '系统评分', render: (_, r) => formatNumber(r.computedScore), width: 80 },
            { title: '考核评分', render: (_, r) => formatNumber(r.reviewerMean), width: 80 },
            { title: '综合得分', render: (_, r) => <b>{formatNumber(r.finalScore)}</b>, width: 80 },
            {
              title: '我的评分', width: 160, render: (_, r) => {
                const own = mine(r);
                return <Space direction="vertical" size={0}>
                  {own ? <span>{formatNumber(own.score)}{own.comment ? `：${own.comment}` : ''}</span> : <span style={{ color: '#999' }}>未评分</span>}
                  {user.role === 'reviewer' && cycle?.status !== 'finalized' && <Button size="small" type="link" style={{ padding: 0 }} onClick={() => setScoring(r)}>{own ? '修改评分' : '评分'}</Button>}
                </Space>;
              },
            },
          ]}
        />
      )}
      <Modal title={scoring ? `评分：${scoring.departmentName}` : ''} open={scoring !== null} okText="保存" cancelText="取消" confirmLoading={score.isPending}
        onCancel={() => setScoring(null)} onOk={() => draft.form.submit()} destroyOnHidden>
        {score.error && <Alert type="error" showIcon title={errorText(score.error)} style={{ marginBottom: 12 }} />}
        <Form form={draft.form} layout="vertical" onValuesChange={draft.onValuesChange}
          initialValues={draft.initialValues ?? (scoring && mine(scoring) ? { score: mine(scoring)!.score, comment: mine(scoring)!.comment } : undefined)}
          onFinish={(v) => score.mutate(v)}>
          <Form.Item label="评分（0–100）" name="score" rules={[{ required: true, message: '请填写评分' }]}>
            <InputNumber min={0} max={100} precision={2} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item label="评语" name="comment"><Input.TextArea rows={3} maxLength={5000} /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
