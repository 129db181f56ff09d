/** What people read of their calendar feed (Simplified Chinese), in one place: the events' wording and the feed's answers. */

/** The wording people read in their calendars. */
export const FEED_TEXT = {
  summary: (title: string) => `【截止】${title}`,
  lead: (name: string) => `牵头单位：${name}`,
  co: (names: string[]) => `配合单位：${names.join('、')}`,
  status: (label: string) => `状态：${label}`,
  due: (date: string) => `截止日期：${date}（当日 24:00 前）`,
  link: (url: string) => `查看任务：${url}`,
  remindDayBefore: (title: string) => `明天截止：${title}`,
  remindOnTheDay: (title: string) => `今天截止：${title}`,
  reportSummary: (title: string, period: string) => `【报送】${title}（${period}）`,
  reporter: (name: string) => `报送单位：${name}`,
  period: (period: string) => `报送期：${period}`,
  reportDue: (date: string) => `报送期限：${date}（当日 24:00 前）`,
  reportDayBefore: (title: string, period: string) => `明天报送：${title}（${period}）`,
  reportOnTheDay: (title: string, period: string) => `今天报送：${title}（${period}）`,
} as const;

export const FEED_MESSAGES = {
  // One answer for a revoked, unknown or malformed token: the URL is the credential, so say nothing about it.
  notFound: '日历订阅不存在或已失效',
  calendarName: (user: string) => `督办截止日（${user}）`,
} as const;
