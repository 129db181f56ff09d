import { useQuery } from '@tanstack/react-query';
import { Button, Card, Grid, Input, List, Select, Space } from 'antd';
import { ScrollTable } from '../components/ScrollTable';
import { lazy, Suspense, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { LightDot, PageTitle, QueryError, StatusTag } from '../components/bits';
import { useAuth, useDepartments, usePlan } from '../hooks';
import { download, get } from '../lib/api';
import { ReportsOwedCard } from '../components/ReportsOwedCard';
import { todayInPlanZone } from '../lib/format';
import { deadlineText, dueDateText, lightOf, STATUS_LABELS, type TaskStatus } from '../lib/tasks';
import { can } from '../lib/permissions';
import type { Page, TaskSummary } from '../lib/types';

// Supervisors only: its form, dates and dialog stay out of the liaison's download (the budget: test/web-budget.e2e.ts).
const BulkEditModal = lazy(() => import('../components/BulkEditModal').then((m) => ({ default: m.BulkEditModal })));

/** 我的任务 (liaison: its department's), 部门任务 (leader), 全部任务 (supervisor, reviewer). */
export function TasksPage() {
  const { user } = useAuth();
  const { departments, name } = useDepartments();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const page = Number(params.get('page') ?? 1);
  const confined = user.role === 'liaison' || user.role === 'leader';
  const filters = {
    department: confined ? (user.departmentCode ?? '') : (params.get('department') ?? ''),
    status: params.get('status') ?? '',
    overdue: params.get('overdue') ?? '',
    q: params.get('q') ?? '',
  };
  const { plan, isPending } = usePlan();
  const search = new URLSearchParams({ page: String(page), limit: '20' });
  for (const [k, v] of Object.entries(filters)) if (v) search.set(k, v);
  if (plan) search.set('plan', plan.code);
  const query = useQuery({ queryKey: ['tasks', search.toString()], enabled: !isPending, queryFn: () => get<Page<TaskSummary>>(`/tasks?${search}`) });
  const today = todayInPlanZone();
  const narrow = !Grid.useBreakpoint().md;
  const onPage = (p: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(p));
    setParams(next);
  };
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('page');
    setParams(next);
  };
  const title = user.role === 'liaison' ? '我的任务' : user.role === 'leader' ? '部门任务' : '全部任务';
  const canBulk = can(user, 'task.bulk');
  const [selected, setSelected] = useState<TaskSummary[]>([]);
  const [bulkOpen, setBulkOpen] = useState(false);
  const exportQuery = new URLSearchParams(search);
  exportQuery.delete('page');
  exportQuery.delete('limit');
  const [exporting, setExporting] = useState(false);
  const exportList = async () => {
    setExporting(true);
    try {
      await download(`/tasks.xlsx?${exportQuery}`, `${title}-${today}.xlsx`);
    } finally {
      setExporting(false);
    }
  };
  return (
    <>
      <PageTitle
        extra={
          <Space wrap>
            {canBulk && (
              <Button disabled={selected.length === 0} onClick={() => setBulkOpen(true)}>
                批量修改{selected.length > 0 ? `（${selected.length}）` : ''}
              </Button>
            )}
            <Button loading={exporting} onClick={exportList}>
              导出 Excel
            </Button>
            {user.role === 'supervisor' && (
              <Button type="primary" onClick={() => navigate('/tasks/new')}>
                新建任务
              </Button>
            )}
          </Space>
        }
      >
        {title}
        {confined && user.departmentCode ? `（${name(user.departmentCode)}）` : ''}
      </PageTitle>
      {/* A department's own people always; others once they pick a department (the whole city's list is the 通报's). */}
      {(confined || filters.department) && <ReportsOwedCard department={confined ? undefined : filters.department} />}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <Input.Search
            placeholder="搜索任务名称、说明或编号"
            allowClear
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onSearch={(v) => set('q', v.trim())}
            style={{ width: 260 }}
          />
          {!confined && (
            <Select
              allowClear
              placeholder="单位"
              aria-label="单位"
              style={{ width: 200 }}
              value={filters.department || undefined}
              onChange={(v) => set('department', v)}
              options={departments.map((d) => ({ value: d.code, label: d.name }))}
              showSearch={{ optionFilterProp: 'label' }}
            />
          )}
          <Select
            allowClear
            placeholder="状态"
            aria-label="状态"
            style={{ width: 120 }}
            value={filters.status || undefined}
            onChange={(v) => set('status', v)}
            options={(Object.keys(STATUS_LABELS) as TaskStatus[]).map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
          />
          <Select
            allowClear
            placeholder="是否逾期"
            aria-label="是否逾期"
            style={{ width: 120 }}
            value={filters.overdue || undefined}
            onChange={(v) => set('overdue', v)}
            options={[{ value: 'true', label: '仅看逾期' }]}
          />
        </Space>
      </Card>
      {query.error && <QueryError error={query.error} retry={() => query.refetch()} />}
      {narrow ? (
        // A phone: one card per task, light, deadline and status at a glance.
        <List<TaskSummary>
          loading={query.isLoading}
          dataSource={query.data?.items ?? []}
          locale={{ emptyText: '暂无任务' }}
          pagination={{ current: page, pageSize: 20, total: query.data?.total ?? 0, onChange: onPage, simple: true, hideOnSinglePage: true }}
          renderItem={(t) => (
            <List.Item style={{ display: 'block', padding: 0, border: 'none' }}>
              <Card size="small" style={{ marginBottom: 8 }} data-testid="task-card">
                <Link to={`/tasks/${t.id}`} style={{ fontWeight: 500 }}>
                  {t.code ? `${t.code} ` : ''}
                  {t.title}
                </Link>
                <Space wrap size="small" style={{ display: 'flex', marginTop: 6 }}>
                  <LightDot light={lightOf(t, today)} />
                  <StatusTag status={t.status} />
                  <span>{dueDateText(t.dueDate)}</span>
                  <small style={{ color: '#666' }}>{deadlineText(t.status, t.dueDate, today)}</small>
                </Space>
                {!confined && <div style={{ color: '#666', marginTop: 4 }}>牵头：{name(t.leadDepartmentCode)}</div>}
              </Card>
            </List.Item>
          )}
        />
      ) : (
        <ScrollTable<TaskSummary>
          rowKey="id"
          rowSelection={
            canBulk ? { selectedRowKeys: selected.map((t) => t.id), onChange: (_, rows) => setSelected(rows), preserveSelectedRowKeys: true } : undefined
          }
          size="middle"
          loading={query.isLoading}
          dataSource={query.data?.items ?? []}
          scroll={{ x: 720 }}
          pagination={{
            current: page,
            pageSize: 20,
            total: query.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => `共 ${total.toLocaleString('zh-CN')} 项`,
            onChange: onPage,
          }}
          columns={[
            { title: '灯', key: 'light', width: 80, fixed: 'left', render: (_, t) => <LightDot light={lightOf(t, today)} /> },
            {
              title: '任务',
              key: 'title',
              render: (_, t) => (
                <Link to={`/tasks/${t.id}`}>
                  {t.code ? `${t.code} ` : ''}
                  {t.title}
                </Link>
              ),
            },
            { title: '牵头单位', key: 'lead', width: 150, render: (_, t) => name(t.leadDepartmentCode) },
            {
              title: '截止日期',
              key: 'due',
              width: 170,
              render: (_, t) => (
                <span>
                  {dueDateText(t.dueDate)}
                  <br />
                  <small style={{ color: '#666' }}>{deadlineText(t.status, t.dueDate, today)}</small>
                </span>
              ),
            },
            { title: '状态', key: 'status', width: 90, render: (_, t) => <StatusTag status={t.status} /> },
            { title: '进度', key: 'percent', width: 70, render: (_, t) => `${t.percent ?? 0}%` },
          ]}
          locale={{ emptyText: '暂无任务' }}
        />
      )}
      {canBulk && (
        <Suspense fallback={null}>
          <BulkEditModal
            tasks={selected}
            open={bulkOpen}
            onClose={(changed) => {
              setBulkOpen(false);
              if (changed) setSelected([]);
            }}
          />
        </Suspense>
      )}
    </>
  );
}
