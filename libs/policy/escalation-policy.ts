import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
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
  /** `leader`: new tasks require the lead department's leader to sign off the completion report (承办单位负责人审签) before review; `none` (default): they go straight to the supervisor. */
  signOff: SignOffMode;
}

export const SIGN_OFF_MODES = ['leader', 'none'] as const;
export type SignOffMode = (typeof SIGN_OFF_MODES)[number];

export class PolicyError extends Error {}

const RECIPIENTS = ['assignee', 'liaisons', 'leader', 'supervisor', 'supervisors'];
/** While work waits for review the department is not reminded: review steps may name only reviewers. */
const REVIEW_RECIPIENTS = ['supervisor', 'supervisors'];
/** The message templates duban has; their texts are in libs/notifications/templates.ts. */
export const TEMPLATES = ['reminder', 'overdue', 'escalation', 'review'] as const;
export type TemplateName = (typeof TEMPLATES)[number];

/** Reads and validates the policy file; throws naming the step and field at fault. */
export function loadEscalationPolicy(path: string): EscalationPolicy {
  let raw: unknown;
  try {
    raw = parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new PolicyError(`${path}: cannot read the escalation policy: ${(error as Error).message}`);
  }
  return validatePolicy(raw, path);
}

export function validatePolicy(raw: unknown, source = 'policy'): EscalationPolicy {
  const fail = (where: string, message: string): never => {
    throw new PolicyError(`${source}: ${where}: ${message}`);
  };
  if (!raw || typeof raw !== 'object') fail('file', 'must be a YAML mapping');
  const doc = raw as Record<string, unknown>;
  const workdays = doc.workdays ?? false;
  if (typeof workdays !== 'boolean') fail('workdays', 'must be true or false');
  const warnText = doc.warnBefore ?? 'P3D';
  const warnBefore = typeof warnText === 'string' ? parseDuration(warnText) : null;
  if (!warnBefore || warnBefore.sign < 0) fail('warnBefore', `must be a positive ISO 8601 duration such as P3D, got ${JSON.stringify(warnText)}`);
  if (!Array.isArray(doc.steps) || doc.steps.length === 0) fail('steps', 'must be a non-empty list');
  const steps = parseSteps(doc.steps as unknown[], 'steps', RECIPIENTS, fail);
  const reviewRaw = doc.review ?? [];
  if (!Array.isArray(reviewRaw)) fail('review', 'must be a list of steps counted from the submission');
  const review = parseSteps(reviewRaw as unknown[], 'review', REVIEW_RECIPIENTS, fail);
  for (const [index, step] of review.entries()) {
    if (step.at.sign < 0) fail(`review[${index}].at`, `counts from the submission and cannot be negative, got ${step.atText}`);
  }
  const signOff = doc.signOff ?? 'none';
  if (!(SIGN_OFF_MODES as readonly unknown[]).includes(signOff)) fail('signOff', `must be leader or none, got ${JSON.stringify(signOff)}`);
  const unknownTop = Object.keys(doc).filter((k) => !['workdays', 'warnBefore', 'steps', 'review', 'signOff'].includes(k));
  if (unknownTop.length > 0) fail('file', `unknown field ${unknownTop.join(', ')}`);
  return { workdays: workdays as boolean, warnBefore: warnBefore as SignedDuration, steps, review, signOff: signOff as SignOffMode };
}

function parseSteps(items: unknown[], list: string, recipients: string[], fail: (where: string, message: string) => never): EscalationStep[] {
  return items.map((item, index): EscalationStep => {
    const where = `${list}[${index}]`;
    if (!item || typeof item !== 'object') fail(where, 'must be a mapping {at, to, template}');
    const step = item as Record<string, unknown>;
    const at = typeof step.at === 'string' ? parseDuration(step.at) : null;
    if (!at) fail(`${where}.at`, `must be a signed ISO 8601 duration such as -P7D or PT30S, got ${JSON.stringify(step.at)}`);
    if (!Array.isArray(step.to) || step.to.length === 0) fail(`${where}.to`, `must list recipients (${recipients.join(', ')})`);
    for (const to of step.to as unknown[]) {
      if (typeof to !== 'string' || !recipients.includes(to)) fail(`${where}.to`, `unknown recipient ${JSON.stringify(to)}; use ${recipients.join(', ')}`);
    }
    if (typeof step.template !== 'string' || !(TEMPLATES as readonly string[]).includes(step.template)) {
      fail(`${where}.template`, `unknown template ${JSON.stringify(step.template)}; use ${TEMPLATES.join(', ')}`);
    }
    const unknownKeys = Object.keys(step).filter((k) => !['at', 'to', 'template'].includes(k));
    if (unknownKeys.length > 0) fail(where, `unknown field ${unknownKeys.join(', ')}`);
    return { at: at, atText: step.at as string, to: step.to as string[], template: step.template as TemplateName };
  });
}
