/**
 * What `finalize` freezes into `assessment_cycle.snapshot`, typed and versioned: the writer stamps the current
 * version, the reader upgrades each older one to the report the API and the renderers expect. A change to the
 * report's shape adds a version here (its type and its upgrade), so a year finalised by an older release still opens.
 */
import { ASSESSMENT_MESSAGES } from './assessment.messages.js';
import type { AssessmentReport, DepartmentAssessment, DepartmentMetrics } from './assessment-types.js';

/** Version 2 added `version` itself and the four report-period (定期报送) figures. */
export const SNAPSHOT_VERSION = 2;

type ReportFigure = 'reportsDue' | 'reportsOnTime' | 'reportsLate' | 'reportsMissed';

/** Frozen before report periods were counted: no `version`, no report figures in the metrics. */
export interface AssessmentSnapshotV1 extends Omit<AssessmentReport, 'departments'> {
  version?: undefined;
  departments: (Omit<DepartmentAssessment, 'metrics'> & { metrics: Omit<DepartmentMetrics, ReportFigure> & Partial<Pick<DepartmentMetrics, ReportFigure>> })[];
}

export interface AssessmentSnapshotV2 extends AssessmentReport {
  version: typeof SNAPSHOT_VERSION;
}

export type AssessmentSnapshot = AssessmentSnapshotV1 | AssessmentSnapshotV2;

/** The report as it is stored. */
export function writeSnapshot(report: AssessmentReport): AssessmentSnapshotV2 {
  return { version: SNAPSHOT_VERSION, ...report };
}

/**
 * A stored snapshot as the report it froze. Version 1 lacks the four report figures: they read as 0 (that score
 * counted none). A version this release does not know (written by a newer one) is refused rather than misread.
 */
export function readSnapshot(stored: Record<string, unknown>): AssessmentReport {
  // The column is jsonb written only by writeSnapshot (or by a release before it, version 1).
  const snapshot = stored as unknown as AssessmentSnapshot;
  if (snapshot.version === undefined) return upgradeV1(snapshot);
  if (snapshot.version === SNAPSHOT_VERSION) {
    const { version: _version, ...report } = snapshot;
    return report;
  }
  throw new Error(ASSESSMENT_MESSAGES.unknownSnapshot((snapshot as { version: unknown }).version, SNAPSHOT_VERSION));
}

const NO_REPORTS: Pick<DepartmentMetrics, ReportFigure> = { reportsDue: 0, reportsOnTime: 0, reportsLate: 0, reportsMissed: 0 };

function upgradeV1(snapshot: AssessmentSnapshotV1): AssessmentReport {
  const { version: _version, ...report } = snapshot;
  return { ...report, departments: report.departments.map((d) => ({ ...d, metrics: { ...NO_REPORTS, ...d.metrics } })) };
}
