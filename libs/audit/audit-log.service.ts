import { Injectable } from '@nestjs/common';
import type { Writable } from 'node:stream';
import { AppConfig } from '../config/app-config.js';
import { type AuditFilter, AuditRepository, type AuditRow } from '../db/repositories/audit.repository.js';
import { AUDIT_ACTION_LABELS } from '../vocabulary/audit.js';
import { type AuditExportRow, auditWorkbook } from './audit-workbook.js';
import { AUDIT_EXPORT_TEXT } from './audit.messages.js';

/** Reading the audit log (安全审计): the viewer's pages and the export, in the office's time zone. */
@Injectable()
export class AuditLogService {
  constructor(
    private readonly entries: AuditRepository,
    private readonly config: AppConfig,
  ) {}

  /** The audit viewer's page: entries matching `filter`, newest first. */
  async search(filter: Omit<AuditFilter, 'timeZone'>, offset: number, limit: number): Promise<{ items: AuditEntryView[]; total: number }> {
    const { items, total } = await this.entries.search({ ...filter, timeZone: this.config.TZ }, offset, limit);
    return { items: items.map(toAuditEntryView), total };
  }

  /** Every entry matching `filter` as a workbook written to `out` (which it ends). */
  async export(filter: Omit<AuditFilter, 'timeZone'>, out: Writable): Promise<void> {
    const sheet = auditWorkbook(out);
    const at = new Intl.DateTimeFormat('sv-SE', { timeZone: this.config.TZ, dateStyle: 'short', timeStyle: 'medium' });
    for await (const page of this.entries.stream({ ...filter, timeZone: this.config.TZ })) sheet.add(page.map((row) => toExportRow(row, at)));
    await sheet.finish();
  }
}

/** One entry as the audit viewer shows it: its object kind as `entity`, and the action's Chinese name. */
export type AuditEntryView = Omit<AuditRow, 'entityType'> & { entity: string; actionLabel: string };

function actionLabel(action: string): string {
  return (AUDIT_ACTION_LABELS as Record<string, string>)[action] ?? action;
}

function toAuditEntryView({ entityType, ...row }: AuditRow): AuditEntryView {
  return { ...row, entity: entityType, actionLabel: actionLabel(row.action) };
}

function toExportRow(row: AuditRow, at: Intl.DateTimeFormat): AuditExportRow {
  const changes = { ...(row.before ? { before: row.before } : {}), ...(row.after ? { after: row.after } : {}), ...(row.detail ? { detail: row.detail } : {}) };
  return {
    seq: row.seq,
    at: at.format(row.at),
    actor: row.actorId ? `${row.actorName ?? ''} <${row.actorEmail ?? row.actorId}>` : AUDIT_EXPORT_TEXT.system,
    action: row.action,
    actionLabel: actionLabel(row.action),
    entity: `${row.entityType}:${row.entityId}`,
    ip: row.ip ?? '',
    detail: Object.keys(changes).length > 0 ? JSON.stringify(changes) : '',
  };
}
