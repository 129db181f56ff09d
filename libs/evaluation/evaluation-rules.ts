/**
 * The evaluation's rules, pure: an indicator judged at a day from the indicator rules
 * (standing for the latest value and whether the target is met, paceOf for 序时进度,
 * progressShare for the way gone), where a clause sits in the plan's chapters, and task
 * outcomes counted. The service feeds them rows.
 */
import { addDays } from '../common/dates.js';
import { paceOf } from '../indicators/indicator-pace.js';
import { type IndicatorTarget, progressShare, standing, type YearValue } from '../indicators/indicator-trend.js';
import type { TaskOutcome } from '../db/repositories/evaluation.repository.js';
import type { EvaluationIndicator, TaskCounts } from './evaluation-types.js';

export type JudgedIndicator = Pick<EvaluationIndicator, 'latest' | 'latestYear' | 'achieved' | 'progress' | 'expected' | 'pace' | 'trend'>;

/**
 * An indicator at the end of `asOf`: values of years after asOf's year are not known yet
 * (a year's value describes its end, and the final evaluation as of 31 December counts the
 * year's value reported in the new year). Met when the gap left by the comparator is none
 * (standing's gap ≤ 0); the pace is read at the end of the day, so as of 31 December of the
 * target year the line stands at the target.
 */
export function judgeIndicator(indicator: IndicatorTarget, values: readonly YearValue[], asOf: string): JudgedIndicator {
  const known = values.filter((v) => v.year <= Number(asOf.slice(0, 4)));
  const { latest, gap, trend } = standing(indicator, known);
  const pace = paceOf({ ...indicator, latest: latest?.value ?? null }, addDays(asOf, 1));
  return {
    latest: latest?.value ?? null,
    latestYear: latest?.year ?? null,
    achieved: gap === null ? null : gap <= 0,
    progress: progressShare(indicator.baseline, indicator.target, latest?.value ?? null),
    expected: pace.expected,
    pace: pace.light,
    trend,
  };
}

/** Off track: not met, and behind the line (red) or heading for a miss (trend off track). */
export function isOffTrack(indicator: Pick<EvaluationIndicator, 'achieved' | 'pace' | 'trend'>): boolean {
  return indicator.achieved === false && (indicator.pace === 'red' || indicator.trend === 'off_track');
}

export interface SectionNode {
  code: string;
  parentCode: string | null;
}

export interface Place {
  chapter: string | null;
  /** The second-level heading (五(一)); the chapter itself for a clause directly under it. */
  section: string | null;
}

/**
 * Where a clause or heading `ref` sits: its chapter (top heading) and its section (the
 * heading under the chapter). A ref may name a clause (its section from `clauseSections`)
 * or a heading itself; an unknown ref sits nowhere.
 */
export function placesInPlan(sections: readonly SectionNode[], clauseSections: ReadonlyMap<string, string>): (ref: string | null) => Place {
  const parent = new Map(sections.map((s) => [s.code, s.parentCode]));
  const cache = new Map<string, Place>();
  const placeOf = (code: string): Place => {
    const path: string[] = [];
    const seen = new Set<string>();
    for (let at: string | null = code; at !== null && parent.has(at) && !seen.has(at); at = parent.get(at) ?? null) {
      seen.add(at);
      path.unshift(at);
    }
    return { chapter: path[0] ?? null, section: path[1] ?? path[0] ?? null };
  };
  return (ref) => {
    if (ref === null) return { chapter: null, section: null };
    let place = cache.get(ref);
    if (!place) {
      const code = clauseSections.get(ref) ?? (parent.has(ref) ? ref : null);
      place = code === null ? { chapter: null, section: null } : placeOf(code);
      cache.set(ref, place);
    }
    return place;
  };
}

export function noTasks(): TaskCounts {
  return { total: 0, completed: 0, onTime: 0, late: 0, overdue: 0, pending: 0, cancelled: 0, carriedOver: 0 };
}

const FIELD: Record<TaskOutcome, keyof TaskCounts> = {
  on_time: 'onTime',
  late: 'late',
  overdue: 'overdue',
  pending: 'pending',
  cancelled: 'cancelled',
  carried: 'carriedOver',
};

/** Adds `count` tasks of `outcome` to `counts` (in place). */
export function addTasks(counts: TaskCounts, outcome: TaskOutcome, count: number): void {
  counts.total += count;
  counts[FIELD[outcome]] += count;
  if (outcome === 'on_time' || outcome === 'late') counts.completed += count;
}
