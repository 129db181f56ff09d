import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row } from 'antd';
import { Link } from 'react-router-dom';
import { DashboardCharts } from '../components/DashboardCharts';
import { NotificationList } from '../components/NotificationList';
import { PageTitle, QueryError } from '../components/bits';
import { useAuth, useDepartments } from '../hooks';
import { get } from '../lib/api';
import type { Dashboard } from '../lib/types';

/** The leader's board: its department's figures and the escalations it received. */
export function DepartmentPage() {
  const { user } = useAuth();
  const { name } = useDepartments();
  const dashboard = useQuery({ queryKey: ['dashboard', user.departmentCode], queryFn: () => get<Dashboard>('/dashboard') });
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
