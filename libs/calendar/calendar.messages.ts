import { CALENDAR_DAY_KINDS } from './china-calendar.js';
import type { PackagedDay } from './packaged-days.js';

/** What people read about the calendar (Simplified Chinese), in one place: the coverage warnings, the packaged days' notes, the 4xx texts. */
export const CALENDAR_MESSAGES = {
  missingYears: (years: number[], packaged: number[]) =>
    `工作日历缺少 ${years.join('、')} 年的法定节假日和调休安排（chinese-days 仅覆盖 ${packaged[0]}–${packaged.at(-1)} 年，管理员也未录入），` +
    '这些年份暂按周一至周五计算工作日，提醒和升级的日期可能与实际安排不符。' +
    '国务院办公厅公布安排后，请管理员通过 PUT /api/v1/calendar/days/{date} 录入。',
  taskNote: (years: number[]) =>
    `本任务的提醒涉及 ${years.join('、')} 年，该年的法定节假日和调休安排尚未录入，工作日暂按周一至周五计算，提醒日期可能与实际安排不符。`,
  packagedNote: (day: PackagedDay) => (day.kind === 'holiday' ? day.name : `${day.name}调休上班`),
  badDate: (date: string) => `日期必须是 YYYY-MM-DD 格式的有效日期：${date}`,
  badKind: (kind: string) => `kind 必须是 ${CALENDAR_DAY_KINDS.join(' 或 ')}：${kind}`,
  noteTooLong: (max: number) => `note 不能超过 ${max} 个字符`,
  notEntered: (date: string) => `工作日历中没有管理员录入的 ${date}（来自 chinese-days 的法定安排不能删除，可用 PUT 录入改正）`,
} as const;
