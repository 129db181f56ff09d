import { calendarDate } from '../../libs/common/dates.js';

/**
 * Today's date in Shanghai, where duban's days are counted (`YYYY-MM-DD`). From 16:00 UTC on, the UTC date is
 * still yesterday's there; a test that takes `toISOString()` for today asks about the wrong day for eight hours.
 */
export const shanghaiToday = (): string => calendarDate('Asia/Shanghai');
