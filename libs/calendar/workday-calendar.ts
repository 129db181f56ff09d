/**
 * Working days of the mainland China calendar (statutory holidays and make-up
 * workdays, 调休), as the reminder ladder counts them. Dates are `YYYY-MM-DD`.
 */
export interface WorkdayCalendar {
  isWorkday(date: string): boolean;
  /**
   * `date` moved by `days` working days: +1 is the next working day after
   * `date`, -1 the working day before it; 0 is `date` itself.
   */
  shiftWorkdays(date: string, days: number): string;
  /** False for a year with neither packaged nor administrator-entered data (then only Monday–Friday is known). */
  hasDataFor(year: number): boolean;
}
