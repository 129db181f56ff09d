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
  steps: EscalationStep[];
}

export class PolicyError extends Error {}

const RECIPIENTS = ['assignee', 'liaisons', 'leader', 'supervisors'];
/** The message templates duban has; their texts are in libs/notifications/templates.ts. */
export const TEMPLATES = ['reminder', 'overdue', 'escalation'] as const;
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
  const steps = (doc.steps as unknown[]).map((item, index): EscalationStep => {
    const where = `steps[${index}]`;
    if (!item || typeof item !== 'object') fail(where, 'must be a mapping {at, to, template}');
    const step = item as Record<string, unknown>;
    const at = typeof step.at === 'string' ? parseDuration(step.at) : null;
    if (!at) fail(`${where}.at`, `must be a signed ISO 8601 duration such as -P7D or PT30S, got ${JSON.stringify(step.at)}`);
    if (!Array.isArray(step.to) || step.to.length === 0) fail(`${where}.to`, `must list recipients (${RECIPIENTS.join(', ')})`);
    for (const to of step.to as unknown[]) {
      if (typeof to !== 'string' || !RECIPIENTS.includes(to)) fail(`${where}.to`, `unknown recipient ${JSON.stringify(to)}; use ${RECIPIENTS.join(', ')}`);
    }
    if (typeof step.template !== 'string' || !(TEMPLATES as readonly string[]).includes(step.template)) {
      fail(`${where}.template`, `unknown template ${JSON.stringify(step.template)}; use ${TEMPLATES.join(', ')}`);
    }
    const unknownKeys = Object.keys(step).filter((k) => !['at', 'to', 'template'].includes(k));
    if (unknownKeys.length > 0) fail(where, `unknown field ${unknownKeys.join(', ')}`);
    return { at: at as SignedDuration, atText: step.at as string, to: step.to as string[], template: step.template as TemplateName };
  });
  return { workdays: workdays as boolean, warnBefore: warnBefore as SignedDuration, steps };
}
