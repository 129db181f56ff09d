import { Alert, Card, Col, Row, Statistic } from 'antd';
import { ASSESSMENT_LABEL as L } from '../../../../libs/vocabulary/assessment';
import { useMemo } from 'react';
import { Chart } from './Chart';
import { LightDot } from './bits';
import { formatDate, formatShare } from '../lib/format';
import { SLOT_STATUS } from '../lib/tasks';
import type { Dashboard } from '../lib/types';

/**
 * The dashboard's per-department figures: totals, a bar chart of overdue and due-soon work, on-time rates,
 * and the periodic reports (定期报送) due this month and missed.
 */
export function DashboardCharts({ data }: { data: Dashboard }) {
  const names = data.departments.map((d) => d.name);
  const bars = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: ['逾期', '临期（预警期内）', '7 日内到期'] },
      grid: { left: 8, right: 8, bottom: 8, top: 48, containLabel: true },
      xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 6 ? 40 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: '逾期', type: 'bar', data: data.departments.map((d) => d.overdue), itemStyle: { color: '#f5222d' } },
        { name: '临期（预警期内）', type: 'bar', data: data.departments.map((d) => d.dueSoon), itemStyle: { color: '#faad14' } },
        { name: '7 日内到期', type: 'bar', data: data.departments.map((d) => d.dueWithin7Days), itemStyle: { color: '#1677ff' } },
      ],
    }),
    [data, names],
  );
  const rates = useMemo(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null || v === undefined ? '无办结任务' : `${v}%`) },
      grid: { left: 8, right: 8, bottom: 8, top: 24, containLabel: true },
      xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 6 ? 40 : 0 } },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          name: L.onTimeRate,
          type: 'bar',
          data: data.departments.map((d) => (d.onTime.rate === null ? null : Math.round(d.onTime.rate * 1000) / 10)),
          itemStyle: { color: '#52c41a' },
        },
      ],
    }),
    [data, names],
  );
  const totals = data.totals;
  const missed = SLOT_STATUS.missed.label;
  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={8} xl={4}>
          <Card size="small">
            <Statistic title="任务总数" value={totals.total} />
          </Card>
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Card size="small">
            <Statistic title="逾期" value={totals.overdue} styles={{ content: { color: '#cf1322' } }} />
          </Card>
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Card size="small">
            <Statistic title="临期" value={totals.dueSoon} styles={{ content: { color: '#d48806' } }} />
          </Card>
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Card size="small">
            <Statistic title={`${L.onTimeRate}（近 12 个月）`} value={formatShare(totals.onTime.rate)} />
          </Card>
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Card size="small" data-testid="reports-due">
            <Statistic title="本月应报（定期报送）" value={totals.reports.dueThisMonth} suffix="期" />
          </Card>
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Card size="small" data-testid="reports-missed">
            <Statistic
              title={missed}
              value={totals.reports.missed}
              suffix="期"
              styles={{ content: { color: totals.reports.missed > 0 ? '#cf1322' : undefined } }}
            />
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card size="small" title={`各单位逾期与临期任务（截至 ${formatDate(data.asOf)}）`}>
            <Chart option={bars} label="各单位逾期与临期任务柱状图" />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={`各单位${L.onTimeRate}`}>
            <Chart option={rates} label={`各单位${L.onTimeRate}柱状图`} />
          </Card>
        </Col>
      </Row>
      <Card size="small" title="各单位状态" style={{ marginTop: 16 }}>
        {data.departments.length === 0 && <Alert type="info" title="暂无数据" />}
        <Row gutter={[8, 8]}>
          {data.departments.map((d) => (
            <Col key={d.code} xs={24} sm={12} lg={8}>
              <Card size="small" data-testid="dashboard-department">
                <b>{d.name}</b> <LightDot light={d.light} />
                <div style={{ color: '#666' }}>
                  共 {d.total} 项 · 逾期 {d.overdue} · 临期 {d.dueSoon} · 按期率 {formatShare(d.onTime.rate)}
                </div>
                <div style={{ color: '#666' }}>
                  本月应报 {d.reports.dueThisMonth} 期 ·{' '}
                  <span style={d.reports.missed > 0 ? { color: '#cf1322' } : undefined}>
                    {missed} {d.reports.missed} 期
                  </span>
                </div>
              </Card>
            </Col>
          ))}
        </Row>
      </Card>
    </>
  );
}
