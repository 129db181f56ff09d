import type { Grade, Light, Role, TaskStatus } from './tasks';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  limit: number;
}

export interface Department {
  code: string;
  name: string;
  duties: string[];
}

export interface TaskSummary {
  id: string;
  code: string | null;
  title: string;
  leadDepartmentCode: string;
  coDepartmentCodes: string[];
  assigneeId: string | null;
  dueDate: string;
  status: TaskStatus;
  version: number;
  overdue: boolean;
  light: Light;
  clauseRef: string | null;
  percent: number;
  /** The task it is part of (分解), if any. */
  parentId: string | null;
  returnReason?: string | null;
  grade?: Grade | null;
  indicatorCodes?: string[];
  description?: string;
}

export interface Evidence {
  id: string;
  filename: string;
  size: number;
  mimeType: string;
  sha256: string;
  createdAt: string;
  departmentCode?: string;
}

export interface ProgressReport {
  id: string;
  authorId: string;
  departmentCode: string;
  kind: string;
  note: string;
  percent: number | null;
  evidenceIds: string[];
  createdAt: string;
}

export interface ExtensionRequest {
  id: string;
  requestedBy: string;
  currentDueDate: string;
  requestedDueDate: string;
  reason: string;
  status: 'awaiting_leader' | 'pending' | 'approved' | 'rejected';
  decisionComment: string | null;
  decidedAt: string | null;
  createdAt: string;
}

export interface TaskDetail extends TaskSummary {
  description: string;
  /** 督办责任人: the owning supervisor. */
  supervisor: { id: string; name: string } | null;
  /** The latest submission: the one approved decides whether the work was on time. */
  submittedAt: string | null;
  /** Submissions go to the lead department's leader first (承办单位负责人审签). */
  requireSignOff: boolean;
  cancelledAt: string | null;
  /** 定期报送: a report per month (P1M), quarter (P3M) or half year (P6M), due by reportDueDay of the next month. */
  reportEvery: 'P1M' | 'P3M' | 'P6M' | null;
  reportDueDay: number;
  /** Its sub-tasks rolled up: percent is the completed share of those not cancelled. */
  children: { total: number; completed: number; percent: number | null };
  clauseText: string | null;
  calendarNote: string | null;
  progress: ProgressReport[];
  evidence: Evidence[];
  extensionRequests: ExtensionRequest[];
}

export interface ReportSlot {
  period: string;
  from: string;
  to: string;
  dueDate: string;
  status: 'open' | 'filed' | 'late' | 'missed';
  progressId: string | null;
}

export interface TaskComment {
  id: string;
  body: string;
  /** 领导批示 */
  instruction: boolean;
  createdAt: string;
  author: { id: string; name: string; role: Role; departmentCode: string | null };
  mentions: { id: string; name: string }[];
}

export interface HistoryEntry {
  at: string;
  actor: { id: string; name: string; email: string; role: Role } | null;
  action: string;
  from: string | null;
  to: string | null;
  detail: Record<string, unknown>;
}

export interface Notification {
  id: string;
  /** What it is about: reminder, overdue, escalation, review (the ladder's template). */
  kind: string;
  taskId: string | null;
  template: string;
  step: string;
  dueDate: string;
  subject: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}

export interface Indicator {
  code: string;
  name: string;
  unit: string;
  comparator: string;
  target: number;
  targetYear: number;
  baseline: number | null;
  baselineYear: number | null;
  departmentCode: string;
  clauseRef: string;
  latest: { year: number; value: number } | null;
  gap: number | null;
  trend: 'on_track' | 'at_risk' | 'off_track' | null;
}

export interface Plan {
  id: string;
  code?: string;
  title?: string;
  name?: string;
}

export interface PlanDetail extends Plan {
  sections: { code: string; parentCode: string | null; title: string; text: string; clauses: { ref: string; text: string }[] }[];
}

export interface OnTime {
  completed: number;
  onTime: number;
  rate: number | null;
}

/** `GET /api/v1/dashboard`: per department totals by status, overdue, due soon, light and on-time rate. */
export interface DashboardFigures {
  total: number;
  byStatus: Record<TaskStatus, number>;
  overdue: number;
  dueSoon: number;
  dueWithin7Days: number;
  light: Light;
  onTime: OnTime;
  onTimeByMonth: (OnTime & { month: string })[];
}

export interface DashboardDepartment extends DashboardFigures {
  code: string;
  name: string;
}

export interface Dashboard {
  asOf: string;
  warnUntil: string;
  months: string[];
  departments: DashboardDepartment[];
  totals: DashboardFigures;
  indicators: { tolerance: number; byPace: Record<'green' | 'yellow' | 'red' | 'unknown', number>; items: unknown[] };
}

/** `GET /api/v1/me/calendar-feed`: whether a working feed URL exists (the URL itself is shown only when made). */
export interface CalendarFeedStatus {
  active: boolean;
  createdAt: string | null;
}

/** `POST /api/v1/me/calendar-feed`: a new feed URL (the previous one stops working). */
export interface CalendarFeedCreated {
  url: string;
  createdAt: string;
}

export interface DepartmentAssessment {
  departmentCode: string;
  departmentName: string;
  metrics: {
    due: number;
    onTime: number;
    late: number;
    overdue: number;
    pending: number;
    meanDaysLate: number | null;
    returns: number;
    evidenceShare: number | null;
    extensionRequests: number;
    turnedRed: number;
    escalated: number;
    grades: Record<Grade, number>;
    indicators: Record<'on_track' | 'at_risk' | 'off_track' | 'unknown', number>;
  };
  computedScore: number;
  breakdown: { item: string; label: string; points: number }[];
  reviewerScores: { reviewerId: string; reviewerName: string; score: number; comment: string; version: number; updatedAt: string }[];
  reviewerMean: number | null;
  finalScore: number;
  /** null: nothing due in the year (无考核任务), shown but not ranked. */
  rank: number | null;
}

export interface AssessmentCycle {
  year: number;
  status: 'open' | 'finalized';
}

/** `GET /api/v1/dashboard/bulletin` (通报): departments ranked by overdue and escalated open work. */
export interface Bulletin {
  asOf: string;
  items: {
    rank: number;
    code: string;
    name: string;
    overdue: number;
    escalated: number;
    overdueAndEscalated: number;
    maxDaysOverdue: number;
    worst: { id: string; code: string | null; title: string; dueDate: string; status: TaskStatus; overdue: boolean; daysOverdue: number; escalated: boolean }[];
  }[];
}
