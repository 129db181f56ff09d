/**
 * Today's date in Shanghai, where duban's days are counted (`YYYY-MM-DD`). From 16:00 UTC on, the UTC date is
 * still yesterday's there; a test that takes `toISOString()` for today asks about the wrong day for eight hours.
 */
export function shanghaiToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}
