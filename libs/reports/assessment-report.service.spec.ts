import type { AppConfig } from '../config/app-config.js';
import type { AssessmentRepository } from '../db/repositories/assessment.repository.js';
import { smallReport } from '../../test/fixtures/assessment-report.fixture.js';
import { AssessmentReportService, fileNames } from './assessment-report.service.js';
import type { AssessmentService } from '../assessment/assessment.service.js';
import type { ReportQueue } from '../assessment/report-queue.js';

/** A stand-in whose every method not given throws, so an unexpected call fails the test. */
function strict<T extends object>(methods: Partial<Record<keyof T, unknown>>): T {
  return new Proxy(methods, {
    get: (target, key) => {
      if (key in target) return target[key as keyof typeof target];
      if (key === 'then') return undefined;
      throw new Error(`unexpected call: ${String(key)}`);
    },
  }) as T;
}

const row = { id: 'r1', year: 2025, format: 'xlsx', status: 'running', progress: 0, error: null, requestedBy: null, createdAt: new Date(), finishedAt: null };

describe('report job', () => {
  it('writes rising progress below 100, then the file at 100', async () => {
    const progress: number[] = [];
    let stored: Buffer | null = null;
    const repo = strict<AssessmentRepository>({
      claimReport: async () => true,
      findReport: async () => row,
      setReportProgress: async (_id: string, p: number) => void progress.push(p),
      finishReport: async (_id: string, content: Buffer) => void (stored = content),
    });
    const service = new AssessmentReportService(
      strict<AssessmentService>({ report: async () => smallReport() }),
      repo,
      strict<ReportQueue>({}),
      strict<AppConfig>({}),
    );
    await service.generate('r1');
    expect(progress.length).toBeGreaterThan(0);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    expect(Math.max(...progress)).toBeLessThanOrEqual(99);
    expect(stored!.subarray(0, 2).toString()).toBe('PK');
  });

  it('records a failure on the row and rethrows it', async () => {
    const failed: string[] = [];
    const repo = strict<AssessmentRepository>({
      claimReport: async () => true,
      findReport: async () => row,
      failReport: async (_id: string, message: string) => void failed.push(message),
    });
    const service = new AssessmentReportService(
      strict<AssessmentService>({
        report: async () => {
          throw new Error('数据库不可用');
        },
      }),
      repo,
      strict<ReportQueue>({}),
      strict<AppConfig>({}),
    );
    await expect(service.generate('r1')).rejects.toThrow('数据库不可用');
    expect(failed).toEqual(['数据库不可用']);
  });

  it('leaves a row another run has finished alone', async () => {
    const service = new AssessmentReportService(
      strict<AssessmentService>({}),
      strict<AssessmentRepository>({ claimReport: async () => false }),
      strict<ReportQueue>({}),
      strict<AppConfig>({}),
    );
    await expect(service.generate('r1')).resolves.toBeUndefined();
  });

  it.each([
    ['xlsx', '2025年度考核报告.xlsx', 'assessment-report-2025.xlsx', 'attachment'],
    ['html', '2025年度考核报告.html', 'assessment-report-2025.html', 'inline'],
  ] as const)('names the %s file in Chinese with an ASCII fallback', (format, filename, fallbackName, disposition) => {
    expect(fileNames(2025, format)).toEqual({ filename, fallbackName, disposition });
  });
});
