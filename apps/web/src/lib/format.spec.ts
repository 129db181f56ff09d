import { daysBetween, formatBytes, formatDate, formatDateTime, formatNumber, formatShare, todayInPlanZone } from './format';

describe('formatDate', () => {
  it.each([
    ['2025-12-31', '2025年12月31日'],
    ['2026-01-05', '2026年1月5日'],
    // An instant is read in Asia/Shanghai: 16:30 UTC on 31 December is already 1 January there.
    ['2025-12-31T16:30:00.000Z', '2026年1月1日'],
    ['2025-12-31T15:59:59.000Z', '2025年12月31日'],
    [new Date('2026-03-08T01:00:00Z'), '2026年3月8日'],
    ['', ''],
    [null, ''],
    [undefined, ''],
    ['不是日期', '不是日期'],
  ])('%j → %s', (input, text) => {
    expect(formatDate(input)).toBe(text);
  });
});

describe('formatDateTime', () => {
  it('shows the time in Asia/Shanghai, minutes padded', () => {
    expect(formatDateTime('2026-03-08T01:05:00Z')).toBe('2026年3月8日 09:05');
    expect(formatDateTime('2026-03-08T16:00:00Z')).toBe('2026年3月9日 00:00');
    expect(formatDateTime(null)).toBe('');
  });
});

describe('todayInPlanZone and daysBetween', () => {
  it('takes the date in Asia/Shanghai', () => {
    expect(todayInPlanZone(new Date('2026-03-08T15:59:00Z'))).toBe('2026-03-08');
    expect(todayInPlanZone(new Date('2026-03-08T16:00:00Z'))).toBe('2026-03-09');
  });

  it.each([
    ['2026-03-08', '2026-03-08', 0],
    ['2026-03-08', '2026-03-11', 3],
    ['2026-03-11', '2026-03-08', -3],
    ['2024-02-28', '2024-03-01', 2],
    ['2025-12-31', '2026-01-01', 1],
  ])('%s → %s is %d', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });
});

describe('numbers', () => {
  it('groups as zh-CN does', () => {
    expect(formatNumber(1234567.891)).toBe('1,234,567.89');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(Number.NaN)).toBe('—');
  });

  it('writes shares as percentages', () => {
    expect(formatShare(0.8333)).toBe('83.3%');
    expect(formatShare(1)).toBe('100%');
    expect(formatShare(null)).toBe('—');
  });

  it('writes sizes in 字节, KB and MB', () => {
    expect(formatBytes(512)).toBe('512 字节');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(60 * 1024 * 1024)).toBe('60 MB');
  });
});
