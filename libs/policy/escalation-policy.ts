import { configSchema, type Fail, loadConfigFile, validateConfig } from '../common/config-file.js';
import { parseDuration, type SignedDuration } from './iso-duration.js';

export interface EscalationStep {
  at: SignedDuration;
  atText: string;
  to: string[];
  template: TemplateName;
}

export interface EscalationPolicy {
  workdays: boolean;
  warnBefore: SignedDuration;
  /** Moments relative to the end of the due date, for the liaisons, leader and supervisors while the work is with the department. */
  steps: EscalationStep[];
  /** Moments relative to the submission, while the work waits for review (the fair clock): they remind the reviewers, not the department. */
  review: EscalationStep[];
  /** 定期报送: moments relative to the end of each report period's due day, while its report is not filed (`template: report_due`). */
  reports: EscalationStep[];
  /** `leader`: new tasks require the lead department's leader to sign off the completion report (承办单位负责人审签) before review; `none` (default): they go straight to the supervisor. */
  signOff: SignOffMode;
}

export const SIGN_OFF_MODES = ['leader', 'none'] as const;
export type SignOffMode = (typeof SIGN_OFF_MODES)[number];

export class PolicyError extends Error {}

/** The message templates duban has; their texts are in libs/notifications/templates.ts (config/escalation.schema.json lists them too). */
export const TEMPLATES = ['reminder', 'overdue', 'escalation', 'review', 'report_due'] as const;
export type TemplateName = (typeof TEMPLATES)[number];

const SCHEMA = configSchema('escalation.schema.json');

/** Reads and validates the policy file; throws naming the step and field at fault (and its line). */
export function loadEscalationPolicy(path: string): EscalationPolicy {
  return loadConfigFile(path, 'escalation policy', SCHEMA, readPolicy, PolicyError);
}

export function validatePolicy(raw: unknown, source = 'policy'): EscalationPolicy {
  return validateConfig(raw, source, SCHEMA, readPolicy, PolicyError);
}

/** What config/escalation.schema.json cannot say: the durations' values, and defaults. */
function readPolicy(raw: unknown, fail: Fail): EscalationPolicy {
  const doc = raw as { workdays?: boolean; warnBefore?: string; steps: RawStep[]; review?: RawStep[]; reports?: RawStep[]; signOff?: SignOffMode };
  const warnText = doc.warnBefore ?? 'P3D';
  const warnBefore = parseDuration(warnText);
  if (!warnBefore) fail('warnBefore', `must be a positive ISO 8601 duration such as P3D, got ${JSON.stringify(warnText)}`);
  return {
    workdays: doc.workdays ?? false,
    warnBefore: warnBefore,
    steps: parseSteps(doc.steps, 'steps', fail),
    review: parseSteps(doc.review ?? [], 'review', fail),
    // A policy written before reporting cycles existed still reminds of their reports; `reports: []` turns them off.
    reports: parseSteps(doc.reports ?? DEFAULT_REPORT_STEPS, 'reports', fail),
    signOff: doc.signOff ?? 'none',
  };
}

/** The report ladder when a policy names none: two days ahead, the day after (missed), and the owner three days on. */
const DEFAULT_REPORT_STEPS: RawStep[] = [
  { at: '-P2D', to: ['assignee'], template: 'report_due' },
  { at: 'P1D', to: ['assignee', 'leader'], template: 'report_due' },
  { at: 'P3D', to: ['supervisor'], template: 'report_due' },
];

interface RawStep {
  at: string;
  to: string[];
  template: TemplateName;
}

function parseSteps(items: RawStep[], list: string, fail: Fail): EscalationStep[] {
  return items.map((step, index): EscalationStep => {
    const at = parseDuration(step.at);
    if (!at) fail(`${list}[${index}].at`, `must be a signed ISO 8601 duration such as -P7D or PT30S, got ${JSON.stringify(step.at)}`);
    return { at: at, atText: step.at, to: step.to, template: step.template };
  });
}
