/** The audit log as a workbook (GET /audit.xlsx), streamed: one row per entry, newest first. */
import type { Writable } from 'node:stream';
import { type SheetColumn, type SheetWriter, streamingSheet } from '../excel/streaming-sheet.js';
import { AUDIT_EXPORT_TEXT } from './audit.messages.js';

export interface AuditExportRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  actionLabel: string;
  entity: string;
  ip: string;
  detail: string;
}

const COLUMNS: Array<SheetColumn<AuditExportRow>> = [
  { header: AUDIT_EXPORT_TEXT.seq, key: 'seq', width: 10 },
  { header: AUDIT_EXPORT_TEXT.at, key: 'at', width: 20 },
  { header: AUDIT_EXPORT_TEXT.actor, key: 'actor', width: 28 },
  { header: AUDIT_EXPORT_TEXT.action, key: 'action', width: 24 },
  { header: AUDIT_EXPORT_TEXT.actionLabel, key: 'actionLabel', width: 16 },
  { header: AUDIT_EXPORT_TEXT.entity, key: 'entity', width: 44 },
  { header: AUDIT_EXPORT_TEXT.ip, key: 'ip', width: 18 },
  { header: AUDIT_EXPORT_TEXT.detail, key: 'detail', width: 60 },
];

export const AUDIT_EXPORT_HEADERS = COLUMNS.map((c) => c.header);

export function auditWorkbook(out: Writable): SheetWriter<AuditExportRow> {
  return streamingSheet(out, AUDIT_EXPORT_TEXT.sheet, COLUMNS);
}
