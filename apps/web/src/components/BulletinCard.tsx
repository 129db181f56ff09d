import { useQuery } from '@tanstack/react-query';
import { Card, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { QueryError } from './bits';
import { usePlan, withPlan } from '../hooks';
import { get } from '../lib/api';
import { formatDate } from '../lib/format';
import type { Bulletin } from '../lib/types';

/** 督办通报: the departments with overdue or escalated open work, worst first, with their worst tasks; then those with only missed reports. */
export function BulletinCard() {
  const { plan, isPending } = usePlan();
  const bulletin = useQuery({
    queryKey: ['dashboard', 'bulletin', plan?.code],
    enabled: !isPending,
    queryFn: () => get<Bulletin>(withPlan('/dashboard/bulletin', plan)),
  });
  return (
    <Card size="small" title={`督办通报${bulletin.data ? `（截至 ${formatDate(bulletin.data.asOf)}）` : ''}`} style={{ marginTop: 16 }} data-testid="bulletin">
      {bulletin.error && <QueryError error={bulletin.error} retry={() => bulletin.refetch()} />}
      <List
        loading={bulletin.isLoading}
        dataSource={bulletin.data?.items ?? []}
        locale={{ emptyText: '没有逾期、升级或逾期未报的单位' }}
        renderItem={(d) => (
          <List.Item>
            <div style={{ width: '100%' }}>
              <Space wrap>
                <Tag color={d.rank === 1 ? 'red' : 'default'}>第 {d.rank} 名</Tag>
                <b>{d.name}</b>
                <span>
                  逾期 {d.overdue} 项 · 已升级 {d.escalated} 项 · 最长逾期 {d.maxDaysOverdue} 天 ·{' '}
                  <span style={d.missedReports > 0 ? { color: '#cf1322' } : undefined}>逾期未报 {d.missedReports} 期</span>
                </span>
              </Space>
              {d.worst.map((t) => (
                <div key={t.id} style={{ marginLeft: 8 }}>
                  <Typography.Text type="secondary">·</Typography.Text> <Link to={`/tasks/${t.id}`}>{t.title}</Link>
                  <Typography.Text type="secondary">
                    （截止 {formatDate(t.dueDate)}，逾期 {t.daysOverdue} 天{t.escalated ? '，已升级' : ''}）
                  </Typography.Text>
                </div>
              ))}
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
