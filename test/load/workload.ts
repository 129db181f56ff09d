import { call, createUser, evidenceForm, type Reply } from '../support/processes.js';

/**
 * The mixed workload of the three roles, as concurrent async loops over fetch
 * (no think time; each loop has one request in flight):
 * - a liaison per department lists its tasks, accepts assigned ones, reads one,
 *   reports progress, uploads a small PDF and submits with it;
 * - a supervisor loop per department lists the submitted tasks, reads one,
 *   approves it (two in three) or returns it, and creates a new task for each
 *   approved one, so the department keeps a steady number of open tasks;
 * - a leader per department and two reviewer loops read task lists, a task and
 *   its history, the dashboard and their notifications.
 * Loops own disjoint tasks (a department's transitions come from its own two
 * loops, each moving tasks out of a status only it handles), so any answer
 * but 2xx is a failure, not a lost race.
 */
export interface Actor {
  id: string;
  email: string;
  token: string;
}

export interface Cast {
  departments: string[];
  supervisor: Actor;
  reviewer: Actor;
  liaisons: Actor[];
  leaders: Actor[];
  dueDate: string;
}

export interface KindStats {
  count: number;
  /** Answers by status code, and `error:<name>` for a request that failed without one (a timeout, a reset). */
  statuses: Record<string, number>;
  latencies: number[];
}

export interface LoadStats {
  kinds: Map<string, KindStats>;
  /** First failures, for the report: kind, status, body. */
  failures: string[];
  startedAt: number;
  endedAt: number;
}

const OPEN_TASKS_PER_DEPARTMENT = 12;
const REVIEWER_LOOPS = 2;
const TIMEOUT_MS = 10_000;

/** Creates the users of the workload on `departments` and each department's first open tasks. */
export async function prepareCast(url: string, adminToken: string, departments: string[], tag: string, dueDate: string): Promise<Cast> {
  const supervisor = await createUser(url, adminToken, `load-supervisor-${tag}@test.duban`, 'supervisor');
  const reviewer = await createUser(url, adminToken, `load-reviewer-${tag}@test.duban`, 'reviewer');
  const liaisons: Actor[] = [];
  const leaders: Actor[] = [];
  for (const department of departments) {
    liaisons.push(await createUser(url, adminToken, `load-liaison-${department}-${tag}@test.duban`, 'liaison', department));
    leaders.push(await createUser(url, adminToken, `load-leader-${department}-${tag}@test.duban`, 'leader', department));
  }
  const cast: Cast = { departments, supervisor, reviewer, liaisons, leaders, dueDate };
  for (let d = 0; d < departments.length; d++) {
    for (let n = 0; n < OPEN_TASKS_PER_DEPARTMENT; n++) {
      const res = await createTask(url, cast, d, `压测任务 ${departments[d]} 初始 ${n + 1}`);
      if (res.status !== 201) throw new Error(`create task: ${res.status} ${JSON.stringify(res.body)}`);
    }
  }
  return cast;
}

function createTask(url: string, cast: Cast, d: number, title: string): Promise<Reply> {
  return call(
    url,
    'POST',
    '/api/v1/tasks',
    cast.supervisor.token,
    {
      title,
      description: '压测生成的任务',
      leadDepartment: cast.departments[d],
      assigneeId: cast.liaisons[d].id,
      dueDate: cast.dueDate,
    },
    TIMEOUT_MS,
  );
}

/** Runs the workload against `url` until `until()` says stop; every request is timed and counted by kind. */
export async function runWorkload(url: string, cast: Cast, until: () => boolean): Promise<LoadStats> {
  const stats: LoadStats = { kinds: new Map(), failures: [], startedAt: Date.now(), endedAt: 0 };
  let created = 0;

  /** One timed request; a non-2xx answer or a thrown request is recorded as a failure and returns null. */
  const hit = async (kind: string, method: string, path: string, token: string, body?: unknown): Promise<Reply | null> => {
    let entry = stats.kinds.get(kind);
    if (!entry) stats.kinds.set(kind, (entry = { count: 0, statuses: {}, latencies: [] }));
    const started = performance.now();
    let key: string;
    let reply: Reply | null = null;
    try {
      reply = await call(url, method, path, token, typeof body === 'function' ? (body as () => unknown)() : body, TIMEOUT_MS);
      key = String(reply.status);
    } catch (error) {
      key = `error:${(error as Error).name}`;
      if (stats.failures.length < 20) stats.failures.push(`${kind} ${method} ${path}: ${(error as Error).message}`);
    }
    entry.latencies.push(performance.now() - started);
    entry.count++;
    entry.statuses[key] = (entry.statuses[key] ?? 0) + 1;
    if (reply && (reply.status < 200 || reply.status > 299)) {
      if (stats.failures.length < 20) stats.failures.push(`${kind} ${method} ${path}: ${reply.status} ${JSON.stringify(reply.body).slice(0, 300)}`);
      return null;
    }
    return reply;
  };
  const pick = <T>(items: T[]): T | undefined => items[Math.floor(Math.random() * items.length)];
  // A department's lists also hold the tasks it co-operates on; only those it leads are its loops' to move.
  const led = (reply: Reply | null, d: number) =>
    ((reply?.body.items ?? []) as Array<{ id: string; leadDepartmentCode: string }>).filter((t) => t.leadDepartmentCode === cast.departments[d]);
  const idle = () => new Promise((resolve) => setTimeout(resolve, 50));

  const liaison = async (d: number) => {
    const { token } = cast.liaisons[d];
    while (!until()) {
      const assigned = await hit('liaison: list', 'GET', '/api/v1/tasks?status=assigned&limit=50', token);
      const toAccept = pick(led(assigned, d));
      if (toAccept) await hit('liaison: accept', 'POST', `/api/v1/tasks/${toAccept.id}/accept`, token, {});
      const working = await hit('liaison: list', 'GET', '/api/v1/tasks?status=in_progress&limit=50', token);
      const task = pick(led(working, d));
      if (!task) {
        await idle();
        continue;
      }
      await hit('liaison: read task', 'GET', `/api/v1/tasks/${task.id}`, token);
      await hit('liaison: progress', 'POST', `/api/v1/tasks/${task.id}/progress`, token, { note: '已推进', percent: 50 });
      const evidence = await hit('liaison: upload evidence', 'POST', `/api/v1/tasks/${task.id}/evidence`, token, () => evidenceForm());
      if (evidence) await hit('liaison: submit', 'POST', `/api/v1/tasks/${task.id}/submit`, token, { summary: '已完成', evidenceIds: [evidence.body.id] });
    }
  };

  const supervisor = async (d: number) => {
    const { token } = cast.supervisor;
    let turn = 0;
    while (!until()) {
      const submitted = await hit('supervisor: list', 'GET', `/api/v1/tasks?department=${cast.departments[d]}&status=submitted&limit=50`, token);
      const task = pick(led(submitted, d));
      if (!task) {
        await idle();
        continue;
      }
      const detail = await hit('supervisor: read task', 'GET', `/api/v1/tasks/${task.id}`, token);
      // A parent whose parts are still open cannot be approved (409): a supervisor who reads it returns it instead.
      const parts = (detail?.body.children ?? { total: 0, completed: 0 }) as { total: number; completed: number };
      if (++turn % 3 === 0 || parts.completed < parts.total) {
        await hit('supervisor: return', 'POST', `/api/v1/tasks/${task.id}/return`, token, { reason: '佐证不足，请补充' });
        continue;
      }
      const approved = await hit('supervisor: approve', 'POST', `/api/v1/tasks/${task.id}/approve`, token, { comment: '同意', grade: 'good' });
      if (!approved) continue;
      await hit('supervisor: create task', 'POST', '/api/v1/tasks', token, {
        title: `压测任务 ${cast.departments[d]} 续 ${++created}`,
        description: '压测生成的任务',
        leadDepartment: cast.departments[d],
        assigneeId: cast.liaisons[d].id,
        dueDate: cast.dueDate,
      });
    }
  };

  const reader = async (actor: Actor, role: string) => {
    const { token } = actor;
    while (!until()) {
      const list = await hit(`${role}: list`, 'GET', '/api/v1/tasks?limit=50', token);
      const task = pick<{ id: string }>(list?.body.items ?? []);
      if (task) {
        await hit(`${role}: read task`, 'GET', `/api/v1/tasks/${task.id}`, token);
        await hit(`${role}: history`, 'GET', `/api/v1/tasks/${task.id}/history`, token);
      }
      await hit(`${role}: dashboard`, 'GET', '/api/v1/dashboard', token);
      await hit(`${role}: notifications`, 'GET', '/api/v1/notifications?limit=20', token);
    }
  };

  await Promise.all([
    ...cast.departments.map((_, d) => liaison(d)),
    ...cast.departments.map((_, d) => supervisor(d)),
    ...cast.leaders.map((leader) => reader(leader, 'leader')),
    ...Array.from({ length: REVIEWER_LOOPS }, () => reader(cast.reviewer, 'reviewer')),
  ]);
  stats.endedAt = Date.now();
  return stats;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Requests that failed: any status outside 2xx, or no answer at all. */
export function failureCount(stats: LoadStats): { serverErrors: number; clientErrors: number; noAnswer: number } {
  let serverErrors = 0;
  let clientErrors = 0;
  let noAnswer = 0;
  for (const { statuses } of stats.kinds.values()) {
    for (const [key, n] of Object.entries(statuses)) {
      if (key.startsWith('error:')) noAnswer += n;
      else if (Number(key) >= 500) serverErrors += n;
      else if (Number(key) < 200 || Number(key) > 299) clientErrors += n;
    }
  }
  return { serverErrors, clientErrors, noAnswer };
}

/** A table: per kind the count, rate and latency percentiles (ms), then the total. */
export function describeStats(stats: LoadStats): string {
  const seconds = (stats.endedAt - stats.startedAt) / 1000;
  const rows: string[][] = [['kind', 'requests', 'req/s', 'p50', 'p90', 'p99', 'max', 'statuses']];
  const all: number[] = [];
  let total = 0;
  for (const [kind, entry] of [...stats.kinds.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const sorted = [...entry.latencies].sort((a, b) => a - b);
    all.push(...sorted);
    total += entry.count;
    rows.push([
      kind,
      String(entry.count),
      (entry.count / seconds).toFixed(1),
      ...[50, 90, 99, 100].map((p) => percentile(sorted, p).toFixed(1)),
      Object.entries(entry.statuses)
        .map(([s, n]) => `${s}×${n}`)
        .join(' '),
    ]);
  }
  all.sort((a, b) => a - b);
  rows.push(['all', String(total), (total / seconds).toFixed(1), ...[50, 90, 99, 100].map((p) => percentile(all, p).toFixed(1)), '']);
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => (c === 0 || c === r.length - 1 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
