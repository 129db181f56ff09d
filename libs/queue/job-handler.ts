import type { JobName, PayloadOf } from './queue-names.js';

/** What a handler may know about the job it runs. */
export interface JobContext {
  id: string;
  /** Attempts already made before this one. */
  attemptsMade: number;
}

/**
 * Runs one kind of job. Handlers are plain classes registered under
 * JOB_HANDLERS; the queue layer routes by `jobName` and refuses to start
 * unless every JobName has exactly one handler.
 */
export interface JobHandler<N extends JobName = JobName> {
  readonly jobName: N;
  handle(data: PayloadOf<N>, context: JobContext): Promise<void>;
}

/** Injection token: the array of every JobHandler of the process. */
export const JOB_HANDLERS = Symbol('JOB_HANDLERS');

/** The job failed and should be retried, with exponential backoff, but not later than `notAfter` when given. */
export class RetryableJobError extends Error {
  constructor(
    message: string,
    readonly notAfter?: Date,
  ) {
    super(message);
    this.name = 'RetryableJobError';
  }
}

/** The job is done for good (e.g. a delivery given up): record the failure, do not retry. */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentJobError';
  }
}

/** Checks that every job name has exactly one handler; returns them by name. */
export function handlersByName(handlers: readonly JobHandler[], names: readonly JobName[]): Map<JobName, JobHandler> {
  const byName = new Map<JobName, JobHandler>();
  const problems: string[] = [];
  for (const handler of handlers) {
    if (!names.includes(handler.jobName)) problems.push(`未知的任务名 ${String(handler.jobName)}（${handler.constructor.name}）`);
    else if (byName.has(handler.jobName))
      problems.push(`任务 ${handler.jobName} 有多个处理器：${byName.get(handler.jobName)!.constructor.name}、${handler.constructor.name}`);
    else byName.set(handler.jobName, handler);
  }
  for (const name of names) if (!byName.has(name)) problems.push(`任务 ${name} 没有处理器`);
  if (problems.length > 0) throw new Error(`队列任务处理器配置有误：${problems.join('；')}`);
  return byName;
}
