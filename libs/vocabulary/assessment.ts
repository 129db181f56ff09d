/** An assessment year: open for scoring, then finalised (its report frozen); wire values never change once shipped. */
export const CYCLE_STATUS = { Open: 'open', Finalized: 'finalized' } as const;
export type CycleStatus = (typeof CYCLE_STATUS)[keyof typeof CYCLE_STATUS];

/** A report file's job, as its row records it; wire values never change once shipped. */
export const REPORT_STATUS = { Queued: 'queued', Running: 'running', Done: 'done', Failed: 'failed' } as const;
export type ReportStatus = (typeof REPORT_STATUS)[keyof typeof REPORT_STATUS];

/** What the audit log records of assessments. */
export type AssessmentAuditAction = 'assessment.open' | 'assessment.score' | 'assessment.score.revise' | 'assessment.finalize';
