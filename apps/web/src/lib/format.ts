/**
 * Dates and numbers as Chinese offices write them: `2025年12月31日`, `1,234.5`.
 * Deadlines are calendar dates in the plan's time zone (Asia/Shanghai); times
 * (ISO instants) are shown in that zone too, wherever the browser is.
 */
export const PLAN_TIME_ZONE = 'Asia/Shanghai';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

function partsInZone(instant: Date): { year: number; month: number; day: number; hour: number; minute: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: PLAN_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

/** `2025-12-31` or an ISO instant → `2025年12月31日`; empty for nothing, the input itself when unreadable. */
export function formatDate(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string') {
    const date = DATE_ONLY.exec(value);
    if (date) return `${Number(date[1])}年${Number(date[2])}月${Number(date[3])}日`;
  }
  const instant = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(instant.getTime())) return String(value);
  const p = partsInZone(instant);
  return `${p.year}年${p.month}月${p.day}日`;
}

/** An ISO instant → `2025年12月31日 09:05`. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const instant = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(instant.getTime())) return String(value);
  const p = partsInZone(instant);
  return `${p.year}年${p.month}月${p.day}日 ${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}

/** Today as `YYYY-MM-DD` in the plan's time zone. */
export function todayInPlanZone(now: Date = new Date()): string {
  const p = partsInZone(now);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** Whole calendar days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const utc = (d: string) => {
    const m = DATE_ONLY.exec(d);
    if (!m) return Number.NaN;
    return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  };
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

const numberFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

/** A number in zh-CN grouping (`12,345.67`); `—` for nothing. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return numberFormat.format(value);
}

/** A share 0–1 as `87.5%`; `—` for nothing. */
export function formatShare(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return `${numberFormat.format(Math.round(value * 1000) / 10)}%`;
}

/** A file size in 字节/KB/MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${numberFormat.format(Math.round((bytes / 1024) * 10) / 10)} KB`;
  return `${numberFormat.format(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`;
}
