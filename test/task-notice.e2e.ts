import { startApp, type TestApp } from './support/app.js';
import { sql } from './support/database.js';
import { shanghaiToday } from './support/today.js';

describe('printed 督办 / 催办 notices', () => {
  let app: TestApp;
  let supervisor: { id: string; token: string };
  let liaison: { id: string; token: string };
  let outsider: { token: string };

  beforeAll(async () => {
    app = await startApp({ NOTICE_OFFICE: '泰兴市人民政府督查室' });
    supervisor = await app.user('supervisor');
    liaison = await app.user('liaison', 'finance');
    outsider = await app.user('liaison', 'edu');
  });
  afterAll(() => app.close());

  const year = shanghaiToday().slice(0, 4);
  const notice = (id: string, kind: string, token = supervisor.token) => app.as(token).get(`/api/v1/tasks/${id}/notice.html?kind=${kind}`);

  it('prints a 督办通知单 with every field, the strings of the record escaped, numbered once a day and audited', async () => {
    const task = (
      await app
        .as(supervisor.token)
        .post('/api/v1/tasks')
        .send({
          title: '<script>alert("x")</script>落实经费',
          description: '资金 & "配套" <b>到位</b>',
          leadDepartment: 'finance',
          coDepartments: ['tax'],
          dueDate: '2030-06-30',
        })
        .expect(201)
    ).body;
    const res = await notice(task.id, 'supervise').expect(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = res.text;
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>到位</b>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;落实经费');
    expect(html).toContain('资金 &amp; &quot;配套&quot; &lt;b&gt;到位&lt;/b&gt;');
    for (const text of [
      '<h1>督办通知单</h1>',
      `编号：督〔${year}〕1号`,
      '督办事项',
      '承办单位',
      '财政部门（牵头）；配合单位：税务部门',
      '办理时限',
      '2030年6月30日',
      '办理要求',
      '签收人',
      '泰兴市人民政府督查室',
      '@page { size: A4',
    ]) {
      expect(html).toContain(text);
    }
    // The same notice printed again the same day keeps its number; the next task gets the next one.
    expect((await notice(task.id, 'supervise').expect(200)).text).toContain(`督〔${year}〕1号`);
    const other = (await app.as(supervisor.token).post('/api/v1/tasks').send({ title: '另一项', leadDepartment: 'finance', dueDate: '2030-06-30' }).expect(201))
      .body;
    expect((await notice(other.id, 'supervise').expect(200)).text).toContain(`督〔${year}〕2号`);
    const audit = await sql<{ after: { number: string } }>(app.databaseUrl, `SELECT after FROM audit_log WHERE action = 'task.notice' AND task_id = $1`, [
      task.id,
    ]);
    expect(audit.map((a) => a.after.number)).toEqual([`督〔${year}〕1号`]);
  });

  it('prints a 催办通知单 naming the days overdue and the reminders already sent', async () => {
    const task = (
      await app.as(supervisor.token).post('/api/v1/tasks').send({ title: '逾期事项', leadDepartment: 'finance', dueDate: '2020-01-10' }).expect(201)
    ).body;
    for (const step of [0, 1]) {
      await sql(
        app.databaseUrl,
        `INSERT INTO notification (task_id, step_index, step_at, recipient_id, due_date, template, subject, body, created_at)
        VALUES ($1, $2, 'P0D', $3, '2020-01-10', 'overdue', '提醒', '提醒', '2020-01-20T02:00:00Z')`,
        [task.id, step, liaison.id],
      );
    }
    const today = shanghaiToday();
    const days = Math.round((Date.parse(today) - Date.parse('2020-01-10')) / 86_400_000);
    const html = (await notice(task.id, 'urge').expect(200)).text;
    expect(html).toContain('<h1>催办通知单</h1>');
    expect(html).toContain(`编号：催〔${year}〕1号`);
    expect(html).toContain(`已超过办理时限 ${days} 天`);
    expect(html).toContain('系统已发送提醒 2 次（最近一次：2020年1月20日）');
  });

  it("is the supervisor's: a liaison gets 403, another department 404, a bad kind 400", async () => {
    const task = (
      await app.as(supervisor.token).post('/api/v1/tasks').send({ title: '权限检查', leadDepartment: 'finance', dueDate: '2030-06-30' }).expect(201)
    ).body;
    await notice(task.id, 'supervise', liaison.token).expect(403);
    await notice(task.id, 'supervise', outsider.token).expect(404);
    expect((await notice(task.id, 'memo').expect(400)).body.message).toMatch(/kind 只能是/);
    await app.as(supervisor.token).get(`/api/v1/tasks/${task.id}/notice.html`).expect(400);
  });
});
