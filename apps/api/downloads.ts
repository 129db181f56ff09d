import type { FastifyReply } from 'fastify';
import type { AuditService } from '../../libs/audit/audit.service.js';
import type { Actor } from '../../libs/common/roles.js';
import type { ReportFile } from '../../libs/reports/assessment-report.service.js';

/** What file downloads share: the workbook type and a Content-Disposition that keeps a Chinese file name. */
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `attachment` (or `inline`) with an ASCII fallback name for old clients and the real (UTF-8) one for the rest (RFC 6266). */
export function attachment(fallback: string, name: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** A report file with its Chinese name (an ASCII fallback and the UTF-8 name of RFC 5987 / 6266); its download audited. */
export async function sendReport(audit: AuditService, actor: Actor, reply: FastifyReply, file: ReportFile) {
  await audit.recordDownload(actor.id, 'report', file.fallbackName, { filename: file.filename });
  return reply
    .header('content-type', file.contentType)
    .header('content-length', String(file.content.length))
    .header('content-disposition', attachment(file.fallbackName, file.filename, file.disposition))
    .header('x-content-type-options', 'nosniff')
    .send(file.content);
}
