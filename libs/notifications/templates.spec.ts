import { periodLabel } from '../vocabulary/tasks.js';
import { type ReminderItem, renderDigest, renderItem, renderMarkdown } from './templates.js';

const item = (n: number, daysOverdue = 2): ReminderItem => ({
  template: 'overdue',
  taskTitle: `任务${n}`,
  departmentName: '财政局',
  dueDate: '2030-03-12',
  daysOverdue,
  link: `https://duban.local/tasks/${n}`,
});
const cap = (maxItems: number) => ({ maxItems, listLink: 'https://duban.local/notifications' });

describe('digest and robot message', () => {
  it.each([
    [1, 50, 1, null],
    [3, 3, 3, null],
    [4, 3, 3, '另有 1 项，请登录系统查看：https://duban.local/notifications'],
    [1400, 50, 50, '另有 1350 项，请登录系统查看：https://duban.local/notifications'],
  ])('%i items, cap %i: lists %i, closing line %s', (count, max, listed, closing) => {
    const items = Array.from({ length: count }, (_, i) => item(i + 1));
    const mail = renderDigest(items, cap(max));
    expect(mail.body.match(/任务：任务\d+/g)).toHaveLength(listed);
    if (closing) expect(mail.body).toContain(closing);
    else expect(mail.body).not.toContain('另有');
    if (count > 1) expect(mail.subject).toBe(`【督办提醒】您有 ${count} 项任务需要关注（其中 ${count} 项已逾期）`);
    const robot = renderMarkdown('财政局', items, cap(max));
    expect(robot.text.match(/^- \*\*/gm)).toHaveLength(listed);
    expect(robot.title).toBe(`督办提醒：财政局 ${count} 项任务`);
  });

  it('lists a digest item as the single mail shows it, numbered', () => {
    const digest = renderDigest([item(1), item(2, 0)], cap(50));
    const single = renderItem(item(2, 0)).body.split('\n').slice(2);
    expect(digest.body).toContain(`2. ${single.join('\n   ')}`);
    expect(digest.subject).toBe('【督办提醒】您有 2 项任务需要关注（其中 1 项已逾期）');
    expect(digest.body.endsWith('本邮件由督办系统自动发送，请勿直接回复。')).toBe(true);
  });
});

describe('robot message markdown', () => {
  it('takes a task title and a department name literally: no bold, link, heading or quote of their own', () => {
    const hostile = { ...item(1), taskTitle: '**x** [link](http://evil)\n# 标题\n> 引用' };
    const robot = renderMarkdown('财政局<font color="warning">', [hostile], cap(50));
    expect(robot.text).toContain('「\\*\\*x\\*\\* \\[link\\]\\(http://evil\\) \\# 标题 \\> 引用」');
    expect(robot.text).toContain('### 督办提醒：财政局\\<font color="warning"\\> 1 项任务');
    // One heading, one item: the title added no line.
    expect(robot.text.split('\n')).toHaveLength(3);
    expect(robot.text).toContain(`[查看任务](${hostile.link})`);
    // DingTalk shows the title as plain text.
    expect(robot.title).toBe('督办提醒：财政局<font color="warning"> 1 项任务');
    // The mail is plain text: the title as written.
    expect(renderItem(hostile).subject).toContain('**x** [link](http://evil)');
  });
});

describe('report reminders (定期报送)', () => {
  it.each([
    ['2026-11', '2026年11月'],
    ['2026-Q4', '2026年第四季度'],
    ['2027-H1', '2027年上半年'],
  ])('names period %s as %s', (period, name) => expect(periodLabel(period)).toBe(name));

  it('asks for the period before its deadline and says how late it is after', () => {
    const report = (daysOverdue: number): ReminderItem => ({ ...item(1, daysOverdue), template: 'report_due', dueDate: '2026-12-07', period: '2026-Q4' });
    expect(renderItem(report(-2)).subject).toBe('【定期报送】「任务1」2026年第四季度进展情况请于 2026-12-07 前报送');
    expect(renderItem(report(3)).subject).toBe('【逾期未报】「任务1」2026年第四季度进展情况逾期 3 天未报送');
    expect(renderItem(report(3)).body).toContain('报送期限：2026-12-07（2026年第四季度，已逾期 3 天）');
    expect(renderItem(report(3)).body).not.toContain('报送单位');
  });

  it('names the co-department whose own period it is (配合单位反馈)', () => {
    const report: ReminderItem = { ...item(1, 2), template: 'report_due', dueDate: '2026-12-07', period: '2026-11', coDepartmentName: '税务部门' };
    expect(renderItem(report).subject).toBe('【逾期未报】「任务1」（税务部门）2026年11月进展情况逾期 2 天未报送');
    expect(renderItem(report).body).toContain('报送单位：税务部门（配合单位，报送本单位负责部分的进展）');
  });
});
