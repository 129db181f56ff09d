import { useQuery } from '@tanstack/react-query';
import { Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { LightDot, PageTitle, QueryError } from '../components/bits';
import { CarryOverModal } from '../components/CarryOverModal';
import { useAuth } from '../hooks';
import { get, getAll } from '../lib/api';
import { formatDateTime, todayInPlanZone } from '../lib/format';
import { can } from '../lib/permissions';
import { layOutSection } from '../lib/plan';
import { lightOf } from '../lib/tasks';
import type { CarryOverRecord, Indicator, Plan, PlanDetail, TaskSummary } from '../lib/types';

/** The plan's text, section by section, every clause linked to the tasks and indicators that carry it out. */
export function PlanPage() {
  const location = useLocation();
  const { user } = useAuth();
  const [carrying, setCarrying] = useState(false);
  const plans = useQuery({ queryKey: ['plans'], queryFn: () => get<Plan[]>('/plans') });
  const [chosen, setChosen] = useState<string | null>(null);
  const planId = chosen ?? plans.data?.[0]?.id ?? null;
  const plan = useQuery({ queryKey: ['plan', planId], enabled: planId !== null, queryFn: () => get<PlanDetail>(`/plans/${planId}`) });
  const tasks = useQuery({ queryKey: ['tasks', 'all'], queryFn: () => getAll<TaskSummary>('/tasks') });
  const moves = useQuery({
    queryKey: ['carry-overs', planId],
    enabled: planId !== null,
    queryFn: () => get<CarryOverRecord[]>(`/plans/${planId}/carry-overs`),
  });
  const indicators = useQuery({ queryKey: ['indicators', ''], queryFn: () => get<Indicator[]>('/indicators') });
  const byClause = useMemo(() => {
    const map = new Map<string, { tasks: TaskSummary[]; indicators: Indicator[] }>();
    const entry = (ref: string) => map.get(ref) ?? map.set(ref, { tasks: [], indicators: [] }).get(ref)!;
    for (const t of tasks.data ?? []) if (t.clauseRef) entry(t.clauseRef).tasks.push(t);
    for (const i of indicators.data ?? []) if (i.clauseRef) entry(i.clauseRef).indicators.push(i);
    return map;
  }, [tasks.data, indicators.data]);
  useEffect(() => {
    if (location.hash && plan.data) document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
  }, [location.hash, plan.data]);
  const depth = (code: string, parent: string | null): number =>
    parent ? 1 + depth(parent, plan.data?.sections.find((s) => s.code === parent)?.parentCode ?? null) : 0;
  const today = todayInPlanZone();
  const title = (p: Plan) => p.title;
  return (
    <>
      <PageTitle
        extra={
          plans.data &&
          plans.data.length > 1 && (
            <Space wrap>
              <Select
                aria-label="查看的规划"
                value={planId}
                onChange={setChosen}
                options={plans.data.map((p) => ({ value: p.id, label: title(p) }))}
                style={{ minWidth: 240 }}
              />
              {plan.data && can(user, 'plan.carry-over') && <Button onClick={() => setCarrying(true)}>结转未完成任务</Button>}
            </Space>
          )
        }
      >
        {plan.data ? title(plan.data) : '规划文本'}
      </PageTitle>
      {plans.error && <QueryError error={plans.error} retry={() => plans.refetch()} />}
      {plan.error && <QueryError error={plan.error} retry={() => plan.refetch()} />}
      {tasks.error && <QueryError error={tasks.error} />}
      {plan.isLoading && <Card loading />}
      {plan.data && plans.data && <CarryOverModal from={plan.data} plans={plans.data} open={carrying} onClose={() => setCarrying(false)} />}
      {moves.data && moves.data.length > 0 && (
        <Card size="small" title="任务结转记录" style={{ marginBottom: 8 }} data-testid="carry-overs">
          <Table<CarryOverRecord>
            size="small"
            rowKey="id"
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            dataSource={moves.data}
            columns={[
              { title: '任务', render: (_, m) => <Link to={`/tasks/${m.task.id}`}>{m.task.title}</Link> },
              {
                title: '结转',
                render: (_, m) => (m.direction === 'out' ? `转入《${m.toPlan.title}》` : `自《${m.fromPlan.title}》转入`),
              },
              { title: '原条文', render: (_, m) => m.fromClauseRef ?? '' },
              { title: '时间', render: (_, m) => formatDateTime(m.movedAt) },
              { title: '操作人', render: (_, m) => m.movedBy?.name ?? '' },
            ]}
          />
        </Card>
      )}
      {plan.data?.sections.map((s) => {
        const level = Math.min(5, 3 + depth(s.code, s.parentCode)) as 3 | 4 | 5;
        return (
          <Card key={s.code} size="small" style={{ marginBottom: 8 }} id={`section-${s.code}`}>
            <Typography.Title level={level} style={{ marginTop: 0 }}>
              {s.title}
            </Typography.Title>
            {(() => {
              const { paragraphs, unplaced } = layOutSection(s.text ?? '', s.clauses);
              const links = (ref: string) => {
                const linked = byClause.get(ref);
                if (!linked) return null;
                return (
                  <Space wrap size={4} style={{ display: 'flex', margin: '4px 0 8px' }} key={`links-${ref}`}>
                    <Typography.Text type="secondary">{ref}：</Typography.Text>
                    {linked.tasks.map((t) => (
                      <Link key={t.id} to={`/tasks/${t.id}`}>
                        <Tag>
                          <LightDot light={lightOf(t, today)} /> {t.title.length > 24 ? `${t.title.slice(0, 24)}…` : t.title}
                        </Tag>
                      </Link>
                    ))}
                    {linked.indicators.map((i) => (
                      <Link key={i.code} to="/indicators">
                        <Tag color="purple">指标：{i.name}</Tag>
                      </Link>
                    ))}
                  </Space>
                );
              };
              return (
                <>
                  {paragraphs.map((segments, n) => (
                    <div key={n}>
                      <Typography.Paragraph style={{ marginBottom: 4 }}>
                        {segments.map((seg, k) =>
                          seg.ref ? (
                            <mark
                              key={k}
                              id={`clause-${seg.ref}`}
                              data-testid="clause"
                              data-ref={seg.ref}
                              style={{ background: byClause.has(seg.ref) ? '#fff7e6' : '#fafafa', padding: '0 2px' }}
                            >
                              {seg.text}
                              <sup style={{ color: '#666' }}>{seg.ref}</sup>
                            </mark>
                          ) : (
                            <span key={k}>{seg.text}</span>
                          ),
                        )}
                      </Typography.Paragraph>
                      {segments.filter((seg) => seg.ref).map((seg) => links(seg.ref!))}
                    </div>
                  ))}
                  {unplaced.map((c) => (
                    <div
                      key={c.ref}
                      id={`clause-${c.ref}`}
                      data-testid="clause"
                      data-ref={c.ref}
                      style={{ borderLeft: '3px solid #eee', paddingLeft: 8, marginBottom: 8 }}
                    >
                      <Typography.Text type="secondary">{c.ref}</Typography.Text> {c.text}
                      {links(c.ref)}
                    </div>
                  ))}
                </>
              );
            })()}
          </Card>
        );
      })}
    </>
  );
}
