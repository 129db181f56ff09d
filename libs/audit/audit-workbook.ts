/** The audit log as a workbook (GET /audit.xlsx), streamed: one row per entry, newest first. */
import type { Writable } from 'node:stream';
import { type SheetColumn, type SheetWriter, streamingSheet } from '../excel/streaming-sheet.js';

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
  { header: '序号', key: 'seq', width: 10 },
  { header: '时间', key: 'at', width: 20 },
  { header: '操作人', key: 'actor', width: 28 },
  { header: '操作', key: 'action', width: 24 },
  { header: '操作说明', key: 'actionLabel', width: 16 },
  { header: '对象', key: 'entity', width: 44 },
  { header: '来源地址', key: 'ip', width: 18 },
  { header: '详情', key: 'detail', width: 60 },
];

export const AUDIT_EXPORT_HEADERS = COLUMNS.map((c) => c.header);

export function auditWorkbook(out: Writable): SheetWriter<AuditExportRow> {
  return streamingSheet(out, '审计日志', COLUMNS);
}
