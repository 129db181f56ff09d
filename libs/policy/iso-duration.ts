/** A signed ISO 8601 duration of days and time (`-P7D`, `P0D`, `PT30S`, `P1DT2H`). */
export interface SignedDuration {
  sign: 1 | -1;
  days: number;
  /** The time part, in milliseconds. */
  timeMs: number;
}

const PATTERN = /^([+-])?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Parses a duration, or returns null when `text` is not one (years and months are refused: their length varies). */
export function parseDuration(text: string): SignedDuration | null {
  const match = PATTERN.exec(text.trim());
  if (!match || text.trim().endsWith('T') || /^[+-]?P$/.test(text.trim())) return null;
  const [, sign, weeks, days, hours, minutes, seconds] = match;
  return {
    sign: sign === '-' ? -1 : 1,
    days: Number(weeks ?? 0) * 7 + Number(days ?? 0),
    timeMs: (Number(hours ?? 0) * 3600 + Number(minutes ?? 0) * 60 + Number(seconds ?? 0)) * 1000,
  };
}
