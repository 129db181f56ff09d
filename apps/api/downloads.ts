/** What file downloads share: the workbook type and a Content-Disposition that keeps a Chinese file name. */
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `attachment` (or `inline`) with an ASCII fallback name for old clients and the real (UTF-8) one for the rest (RFC 6266). */
export function attachment(fallback: string, name: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
