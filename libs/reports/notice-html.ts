/**
 * The printed 督办通知单 / 催办通知单: one A4 page in the form offices file, every
 * text from the record escaped, no script.
 */
import { escapeHtml } from './assessment-html.js';
import { FONT_FAMILY } from './assessment-charts.js';
import { OPEN_ENDED_LABEL } from '../vocabulary/tasks.js';

export type NoticeKind = 'supervise' | 'urge';

export interface NoticeContent {
  kind: NoticeKind;
  year: number;
  number: number;
  title: string;
  description: string;
  clauseRef: string | null;
  leadDepartment: string;
  coDepartments: string[];
  /** Null: open-ended (长期坚持), no final deadline. */
  dueDate: string | null;
  /** Days past the deadline, 0 when not overdue. */
  daysOverdue: number;
  reminders: { count: number; last: string | null };
  office: string;
  issuedOn: string;
}

export const NOTICE_TITLE: Record<NoticeKind, string> = { supervise: '督办通知单', urge: '催办通知单' };
const NUMBER_PREFIX: Record<NoticeKind, string> = { supervise: '督', urge: '催' };

/** `2025-12-31` → 2025年12月31日. */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export function noticeNumber(n: Pick<NoticeContent, 'kind' | 'year' | 'number'>): string {
  return `${NUMBER_PREFIX[n.kind]}〔${n.year}〕${n.number}号`;
}

function requirement(n: NoticeContent): string {
  if (n.kind === 'supervise') {
    if (n.dueDate === null) return '请你单位高度重视，明确责任人，按照要求长期坚持、认真组织落实，并按报送周期通过督办系统报送办理进展及佐证材料。';
    return `请你单位高度重视，明确责任人，按照要求认真组织落实，于${chineseDate(n.dueDate)}前办结，并通过督办系统报送办理结果及佐证材料。确需延期的，请在办理时限前提出延期申请并说明理由。`;
  }
  const late = n.daysOverdue > 0 ? `该事项已超过办理时限 ${n.daysOverdue} 天，` : '该事项办理时限将至，';
  const sent = n.reminders.count > 0 ? `系统已发送提醒 ${n.reminders.count} 次（最近一次：${chineseDate(n.reminders.last!)}），` : '';
  return `${late}${sent}至今尚未办结。请你单位接此通知后抓紧办理，于 3 个工作日内通过督办系统报送办理进展，书面说明未按期完成的原因及下一步措施。`;
}

const CSS = `
@page { size: A4; margin: 25mm 20mm; }
* { box-sizing: border-box; }
body { font-family: ${FONT_FAMILY}; font-size: 12pt; line-height: 1.7; color: #000; margin: 0 auto; max-width: 170mm; }
h1 { text-align: center; font-size: 22pt; letter-spacing: 0.3em; color: #c00; margin: 0 0 4mm; }
.number { text-align: right; margin: 0 0 3mm; }
table { width: 100%; border-collapse: collapse; }
th, td { border: 1px solid #000; padding: 3mm; vertical-align: top; text-align: left; }
th { width: 28mm; white-space: nowrap; font-weight: normal; text-align: center; vertical-align: middle; }
.matter p { margin: 0 0 2mm; }
.foot { margin-top: 10mm; text-align: right; }
.receipt td { height: 26mm; }
.receipt p { margin: 0 0 4mm; }
@media screen { body { padding: 12mm; background: #f5f5f5; } main { background: #fff; padding: 15mm; box-shadow: 0 0 4px #999; } }
@media print { .noprint { display: none; } }
`;

export function noticeHtml(n: NoticeContent): string {
  const e = escapeHtml;
  const title = NOTICE_TITLE[n.kind];
  const matter = [
    `<p><strong>${e(n.title)}</strong></p>`,
    n.description ? `<p>${e(n.description)}</p>` : '',
    n.clauseRef ? `<p>规划依据：${e(n.clauseRef)}</p>` : '',
  ].join('');
  const departments = e(n.leadDepartment) + (n.coDepartments.length > 0 ? `（牵头）；配合单位：${e(n.coDepartments.join('、'))}` : '');
  return [
    '<!doctype html>',
    `<html lang="zh-CN"><head><meta charset="utf-8"><title>${e(title)} ${e(noticeNumber(n))}</title><style>${CSS}</style></head><body><main>`,
    `<h1>${e(title)}</h1>`,
    `<p class="number">编号：${e(noticeNumber(n))}</p>`,
    '<table>',
    `<tr><th>${n.kind === 'urge' ? '催办事项' : '督办事项'}</th><td class="matter">${matter}</td></tr>`,
    `<tr><th>承办单位</th><td>${departments}</td></tr>`,
    `<tr><th>办理时限</th><td>${e(n.dueDate === null ? OPEN_ENDED_LABEL : chineseDate(n.dueDate))}${n.daysOverdue > 0 ? `（已逾期 ${n.daysOverdue} 天）` : ''}</td></tr>`,
    `<tr><th>办理要求</th><td>${e(requirement(n))}</td></tr>`,
    '<tr class="receipt"><th>签收</th><td><p>签收人：</p><p>签收时间：　　　　年　　月　　日</p></td></tr>',
    '</table>',
    `<div class="foot"><p>${e(n.office)}</p><p>${e(chineseDate(n.issuedOn))}</p></div>`,
    '<p class="noprint">使用浏览器的“打印”（Ctrl+P）打印本通知单，纸张选 A4。</p>',
    '</main></body></html>',
  ].join('\n');
}
