import { ADMIN, startApp, type TestApp } from './support/app.js';
import { sql } from './support/database.js';
import { freePort } from './support/processes.js';
import { spawnWorker, waitFor } from './support/worker.js';

const TOKEN = 'metrics-token-for-tests-0123';

/** One sample's value from Prometheus text: `name{labels} value`, the labels in the order prom-client writes them. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

/**
 * GET /metrics in Prometheus's format (prom-client), behind METRICS_TOKEN: HTTP requests by route pattern, tasks,
 * deliveries and queue jobs as the database and queue have them, the sweep's lag; a worker process's own listener
 * (METRICS_PORT) with the sweep's duration and the deliveries it sent.
 */
describe('metrics', () => {
  let app: TestApp;
  let admin: string;

  beforeAll(async () => {
    app = await startApp({ METRICS_TOKEN: TOKEN });
    admin = await app.login(ADMIN.email, ADMIN.password);
  });
  afterAll(() => app?.close());

  const scrape = async () => {
    const res = await app.http.get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    return res.text;
  };

  it('asks for METRICS_TOKEN when one is set', async () => {
    expect((await app.http.get('/metrics')).status).toBe(401);
    expect((await app.http.get('/metrics').set('Authorization', 'Bearer wrong-token-of-same-size-0')).status).toBe(401);
    expect((await app.http.get('/metrics').set('Authorization', `Bearer ${admin}`)).status).toBe(401);
  });

  it('counts HTTP requests by route pattern and status, and reads tasks, deliveries, queues and the sweep from the source', async () => {
    const supervisor = await app.user('supervisor');
    const created = await app
      .as(supervisor.token)
      .post('/api/v1/tasks')
      .send({ title: '指标测试', leadDepartment: 'finance', dueDate: '2031-06-30' })
      .expect(201);
    for (let i = 0; i < 3; i++)
      await app
        .as(supervisor.token)
        .get(`/api/v1/tasks/${created.body.id as string}`)
        .expect(200);
    await app.as(supervisor.token).get('/api/v1/tasks/00000000-0000-4000-8000-000000000000').expect(404);
    // A ladder step due two hours ago that no sweep has recorded (no worker runs beside this app).
    await sql(app.databaseUrl, "UPDATE task SET next_reminder_at = now() - interval '2 hours' WHERE id = $1", [created.body.id]);
    const text = await scrape();
    expect(sample(text, 'duban_http_requests_total{method="GET",route="/api/v1/tasks/:id",status="200"}')).toBe(3);
    expect(sample(text, 'duban_http_requests_total{method="GET",route="/api/v1/tasks/:id",status="404"}')).toBe(1);
    // Timed once, however long it took (a bucket below +Inf would hold this machine's speed, not the behaviour).
    const created201 = 'method="POST",route="/api/v1/tasks",status="201"';
    expect(sample(text, `duban_http_request_duration_seconds_count{${created201}}`)).toBe(1);
    expect(sample(text, `duban_http_request_duration_seconds_bucket{le="+Inf",${created201}}`)).toBe(1);
    expect(sample(text, `duban_http_request_duration_seconds_sum{${created201}}`)).toBeGreaterThan(0);
    // Not one series per task: the path's id never becomes a label.
    expect(text).not.toContain(created.body.id);

    const counts = await sql<{ status: string; n: number }>(app.databaseUrl, 'SELECT status, count(*)::int AS n FROM task GROUP BY status');
    for (const { status, n } of counts) expect([status, sample(text, `duban_tasks{status="${status}"}`)]).toEqual([status, n]);
    expect(sample(text, 'duban_tasks{status="cancelled"}')).toBe(counts.find((c) => c.status === 'cancelled')?.n ?? 0);
    // The red light by the API's own rule (GET /tasks?overdue=true).
    const overdue = (await app.as(admin).get('/api/v1/tasks?overdue=true&limit=1').expect(200)).body.total as number;
    expect(sample(text, 'duban_tasks_overdue')).toBe(overdue);
    expect(sample(text, 'duban_reminder_sweep_lag_seconds')).toBeGreaterThanOrEqual(7200);
    expect(sample(text, 'duban_queue_jobs{queue="delivery",state="waiting"}')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'duban_calendar_missing_years')).toBeGreaterThanOrEqual(0);
    expect(text).toContain('duban_process_resident_memory_bytes');
  });

  it("serves a worker process's metrics on METRICS_PORT: sweeps timed, messages sent, the lag gone", async () => {
    const port = await freePort();
    const worker = spawnWorker(
      { databaseUrl: app.databaseUrl, dataDir: app.dataDir },
      { METRICS_PORT: String(port), METRICS_TOKEN: TOKEN, REMINDER_SWEEP_MS: '500' },
    );
    try {
      await worker.ready(30_000);
      const url = `http://127.0.0.1:${port}/metrics`;
      expect((await fetch(url)).status).toBe(401);
      const text = await waitFor(
        'a sweep and a sent message in the worker metrics',
        async () => {
          const body = await (await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
          const swept = sample(body, 'duban_reminder_sweep_duration_seconds_count') ?? 0;
          const sent = sample(body, 'duban_deliveries_sent_total{channel="mail"}') ?? 0;
          return swept >= 1 && sent >= 1 ? body : null;
        },
        40_000,
        250,
      );
      expect(sample(text, 'duban_reminder_steps_recorded_total')).toBeGreaterThan(0);
      expect(sample(text, 'duban_delivery_age_seconds_count{channel="mail"}')).toBeGreaterThanOrEqual(1);
      await waitFor(
        'the lag to fall',
        async () =>
          (sample(await (await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } })).text(), 'duban_reminder_sweep_lag_seconds') ?? 1e9) < 60,
        40_000,
        250,
      );
      expect((await fetch(`http://127.0.0.1:${port}/other`)).status).toBe(404);
    } finally {
      worker.child.kill('SIGTERM');
      await worker.exited;
    }
  });
});
