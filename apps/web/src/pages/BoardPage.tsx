import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Row } from 'antd';
import { ScrollTable } from '../components/ScrollTable';
import { Link, useNavigate } from 'react-router-dom';
import { BulletinCard } from '../components/BulletinCard';
import { DashboardCharts } from '../components/DashboardCharts';
import { LightDot, PageTitle, QueryError, StatusTag } from '../components/bits';
import { useAuth, useDepartments, usePlan, withPlan } from '../hooks';
import { get } from '../lib/api';
import { todayInPlanZone } from '../lib/format';
import { deadlineText, dueDateText, lightOf } from '../lib/tasks';
import type { Dashboard, Page, TaskSummary } from '../lib/types';

/** 督办台: the supervisor's day — charts, what is overdue, what waits for review. */
export function BoardPage() {
  const navigate = useNavigate();
  const { user } = useAuth();
  const { name } = useDepartments();
  const { plan, isPending } = usePlan();
  const dashboard = useQuery({ queryKey: ['dashboard', '', plan?.code], enabled: !isPending, queryFn: () => get<Dashboard>(withPlan('/dashboard', plan)) });
  const overdue = useQuery({
    queryKey: ['tasks', 'overdue', plan?.code],
    enabled: !isPending,
    queryFn: () => get<Page<TaskSummary>>(withPlan('/tasks?overdue=true&limit=50', plan)),
  });
  const submitted = useQuery({
    queryKey: ['tasks', 'submitted', plan?.code],
    enabled: !isPending,
    queryFn: () => get<Page<TaskSummary>>(withPlan('/tasks?status=submitted&limit=50', plan)),
  });
  const today = todayInPlanZone();
  const columns = [
    { title: '灯', key: 'light', width: 70, render: (_: unknown, t: TaskSummary) => <LightDot light={lightOf(t, today)} /> },
    { title: '任务', key: 'title', render: (_: unknown, t: TaskSummary) => <Link to={`/tasks/${t.id}`}>{t.title}</Link> },
    { title: '牵头单位', key: 'lead', width: 140, render: (_: unknown, t: TaskSummary) => name(t.leadDepartmentCode) },
    {
      title: '截止日期',
      key: 'due',
      width: 160,
      render: (_: unknown, t: TaskSummary) => (
        <>
          {dueDateText(t.dueDate)}
          <br />
          <small style={{ color: '#666' }}>{deadlineText(t.status, t.dueDate, today)}</small>
        </>
      ),
    },
    { title: '状态', key: 'status', width: 90, render: (_: unknown, t: TaskSummary) => <StatusTag status={t.status} /> },
  ];
  return (
    <>
      <PageTitle
        extra={
          user.role === 'supervisor' && (
            <Button type="primary" onClick={() => navigate('/tasks/new')}>
              新建任务
            </Button>
          )
        }
      >
        督办台
      </PageTitle>
      {dashboard.error ? (
        <QueryError error={dashboard.error} retry={() => dashboard.refetch()} />
      ) : dashboard.data ? (
        <DashboardCharts data={dashboard.data} />
      ) : (
        <Card loading />
      )}
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={12}>
          <Card size="small" title={`逾期任务（${overdue.data?.total ?? 0}）`} extra={<Link to="/tasks?overdue=true">全部</Link>}>
            {overdue.error && <QueryError error={overdue.error} />}
            <div data-testid="overdue-list">
              <ScrollTable<TaskSummary>
                rowKey="id"
                size="small"
                loading={overdue.isLoading}
                dataSource={overdue.data?.items ?? []}
                columns={columns}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                scroll={{ x: 600 }}
                locale={{ emptyText: '没有逾期任务' }}
              />
            </div>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={`待审核（${submitted.data?.total ?? 0}）`} extra={<Link to="/tasks?status=submitted">全部</Link>}>
            {submitted.error && <QueryError error={submitted.error} />}
            <ScrollTable<TaskSummary>
              rowKey="id"
              size="small"
              loading={submitted.isLoading}
              dataSource={submitted.data?.items ?? []}
              columns={columns}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              scroll={{ x: 600 }}
              locale={{ emptyText: '没有待审核的任务' }}
            />
          </Card>
        </Col>
      </Row>
      <BulletinCard />
    </>
  );
}
