import ICAL from 'ical.js';
import { Role } from '../common/roles.js';
import { feedDepartment } from './calendar-feed.service.js';
import { renderFeed, taskEventUid } from './ical-feed.js';

const base = {
  calendarName: '督办截止日（张三）',
  timeZone: 'Asia/Shanghai',
  taskUrl: 'https://duban.example.cn/tasks',
  departmentNames: new Map([
    ['finance', '市财政局'],
    ['tax', '市税务局'],
  ]),
  now: new Date('2026-11-29T05:00:00Z'),
};
const task = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  code: null,
  title: '落实经费',
  dueDate: '2026-12-31',
  status: 'in_progress',
  leadDepartmentCode: 'finance',
  coDepartmentCodes: [] as string[],
  version: 1,
  updatedAt: new Date('2026-11-01T00:00:00Z'),
  ...extra,
});
const parse = (text: string) => new ICAL.Component(ICAL.parse(text) as unknown[]);

describe('renderFeed', () => {
  it('is a valid, empty calendar without tasks', () => {
    const calendar = parse(renderFeed({ ...base, tasks: [] }));
    expect(calendar.name).toBe('vcalendar');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('督办截止日（张三）');
    expect(calendar.getAllSubcomponents('vevent')).toEqual([]);
  });

  it('writes an all-day event on the due date whatever the process time zone, with reminders at 09:00', () => {
    const [event] = parse(renderFeed({ ...base, tasks: [task('a', { dueDate: '2027-01-01' })] })).getAllSubcomponents('vevent');
    expect(event.getFirstPropertyValue('uid')).toBe(taskEventUid('a'));
    const start = event.getFirstPropertyValue('dtstart') as ICAL.Time;
    expect([start.isDate, start.toString()]).toEqual([true, '2027-01-01']);
    expect((event.getFirstPropertyValue('dtend') as ICAL.Time).toString()).toBe('2027-01-02');
    expect(event.getFirstPropertyValue('sequence')).toBe(1);
    const triggers = event.getAllSubcomponents('valarm').map((a) => {
      const trigger = a.getFirstProperty('trigger')!;
      return `${String(trigger.getParameter('related') ?? 'START')} ${String(trigger.getFirstValue())}`;
    });
    expect(triggers).toEqual(['START -PT15H', 'START PT9H']);
  });

  it('keeps titles with commas, semicolons and line breaks intact', () => {
    const title = '经费，人员；设施,school;\n第二行';
    const [event] = parse(renderFeed({ ...base, tasks: [task('b', { title, coDepartmentCodes: ['tax', 'unknown'] })] })).getAllSubcomponents('vevent');
    expect(event.getFirstPropertyValue('summary')).toBe(`【截止】${title}`);
    expect(String(event.getFirstPropertyValue('description')).split('\n')).toEqual([
      '牵头单位：市财政局',
      '配合单位：市税务局、unknown',
      '状态：办理中',
      '截止日期：2026-12-31（当日 24:00 前）',
      '查看任务：https://duban.example.cn/tasks/b',
    ]);
  });
});

describe('feedDepartment', () => {
  it.each([
    [Role.Liaison, 'finance', 'finance'],
    [Role.Leader, 'tax', 'tax'],
    [Role.Liaison, null, ''], // a department role without a department sees nothing
    [Role.Supervisor, null, null],
    [Role.Reviewer, null, null],
    [Role.Admin, null, null],
  ] as const)('%s of %s → %s', (role, departmentCode, department) => {
    expect(feedDepartment({ role, departmentCode })).toBe(department);
  });
});
