import { AUDIT_REASONS } from './audit.messages.js';

/**
 * Audit details that several domains write alike, so a reader of the log finds one shape.
 * A task moved to another lead department leaves its assignee (a person of the old one),
 * whether the move came by PATCH, by the 分工表 import or by a re-imported plan seed.
 */
export function assigneeCleared(assigneeId: string, previousLead: string) {
  return { assigneeCleared: { assigneeId, reason: AUDIT_REASONS.assigneeCleared(previousLead) } };
}
