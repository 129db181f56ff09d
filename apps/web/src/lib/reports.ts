import type { Schemas } from './types';

/** A report being built by the worker (`202` from report.xlsx/html, or `GET …/reports/:id`). */
export type ReportJob = Schemas['ReportJobDto'];

/** What the console does after reading a job's state. */
export type ReportStep = { kind: 'wait'; percent: number; text: string } | { kind: 'fetch'; percent: 100 } | { kind: 'fail'; text: string };

/** The next step for `job`: keep polling (with the bar's percent and words), fetch the file, or say why it failed. */
export function reportStep(job: ReportJob): ReportStep {
  switch (job.status) {
    case 'done':
      return { kind: 'fetch', percent: 100 };
    case 'failed':
      return { kind: 'fail', text: `报告生成失败${job.error ? `：${job.error}` : ''}，请稍后重试` };
    case 'queued':
      return { kind: 'wait', percent: 0, text: '排队等待生成…' };
    default:
      return { kind: 'wait', percent: Math.max(0, Math.min(99, Math.round(job.progress))), text: `正在生成报告（${Math.round(job.progress)}%）…` };
  }
}

/** Polling slows from 0.5 s to at most 3 s as the wait grows; `deadlineMs` after the start it gives up. */
export function pollDelay(attempt: number): number {
  return Math.min(3000, 500 + attempt * 250);
}

export const POLL_GIVE_UP_MS = 10 * 60_000;

/** The job's status path under /api/v1: from the `Location` header when there is one, else next to the report's own path. */
export function jobPath(reportPath: string, job: Pick<ReportJob, 'id'>, location?: string | null): string {
  if (location) return location.replace(/^(?:https?:\/\/[^/]+)?\/api\/v1/, '');
  return reportPath.replace(/\/report\.[a-z]+$/, `/reports/${job.id}`);
}

/**
 * Polls `statusPath` until the job is done (resolves with the file's path) or
 * failed (rejects with the reason in Chinese), telling `onStep` each state for
 * the progress bar. Gives up after POLL_GIVE_UP_MS.
 */
export async function followReportJob(
  first: ReportJob,
  statusPath: string,
  io: { status: (path: string) => Promise<ReportJob>; sleep: (ms: number) => Promise<void>; onStep: (step: ReportStep) => void; now?: () => number },
): Promise<string> {
  const now = io.now ?? Date.now;
  const started = now();
  let job = first;
  for (let attempt = 0; ; attempt++) {
    const step = reportStep(job);
    io.onStep(step);
    if (step.kind === 'fetch') return `${statusPath}/file`;
    if (step.kind === 'fail') throw new Error(step.text);
    if (now() - started > POLL_GIVE_UP_MS) throw new Error('报告生成时间过长，请稍后再试');
    await io.sleep(pollDelay(attempt));
    job = await io.status(statusPath);
  }
}
