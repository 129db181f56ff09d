import { useQuery } from '@tanstack/react-query';
import { Card, Col, List, Row } from 'antd';
import { Link } from 'react-router-dom';
import { DashboardCharts } from '../components/DashboardCharts';
import { NotificationList } from '../components/NotificationList';
import { PageTitle, QueryError } from '../components/bits';
import { useAuth, useDepartments, usePlan, withPlan } from '../hooks';
import { get } from '../lib/api';
import type { Dashboard, Page, TaskSummary } from '../lib/types';
import { dueDateText } from '../lib/tasks';

/** The leader's board: its department's figures and the escalations it received. */
export function DepartmentPage() {
  const { user } = useAuth();
  const { name } = useDepartments();
  const { plan, isPending } = usePlan();
  const dashboard = useQuery({
    queryKey: ['dashboard', user.departmentCode, plan?.code],
    enabled: !isPending,
    queryFn: () => get<Dashboard>(withPlan('/dashboard', plan)),
  });
  // What waits for the leader: completion reports to sign off (the list is the department's own, scoped by the API).
  const toSign = useQuery({
    // Every plan's: work waiting for a signature is owed whichever plan it belongs to.
    queryKey: ['tasks', 'leader_review', user.departmentCode],
    queryFn: () => get<Page<TaskSummary>>(`/tasks?status=leader_review&department=${user.departmentCode ?? ''}&limit=100`),
    enabled: user.role === 'leader' && !!user.departmentCode,
  });
  return (
    <>
      <PageTitle extra={<Link to="/tasks">查看部门任务</Link>}>本部门督办情况{user.departmentCode ? `（${name(user.departmentCode)}）` : ''}</PageTitle>
      {dashboard.error ? (
        <QueryError error={dashboard.error} retry={() => dashboard.refetch()} />
      ) : dashboard.data ? (
        <DashboardCharts data={dashboard.data} />
      ) : (
        <Card loading />
      )}
      {user.role === 'leader' && (
        <Card size="small" title={`待我审签（${toSign.data?.total ?? 0}）`} style={{ marginTop: 16 }} data-testid="awaiting-signoff">
          {toSign.error ? (
            <QueryError error={toSign.error} retry={() => toSign.refetch()} />
          ) : (
            <List
              size="small"
              loading={toSign.isLoading}
              dataSource={toSign.data?.items ?? []}
              locale={{ emptyText: '没有待审签的办结材料' }}
              renderItem={(t) => (
                <List.Item>
                  <Link to={`/tasks/${t.id}`}>{t.title}</Link>
                  <span>截止 {dueDateText(t.dueDate)}</span>
                </List.Item>
              )}
            />
          )}
        </Card>
      )}
      <Row style={{ marginTop: 16 }}>
        <Col span={24}>
          <Card size="small" title="收到的督办升级" data-testid="escalations">
            <NotificationList only="escalation" />
          </Card>
        </Col>
      </Row>
    </>
  );
}
