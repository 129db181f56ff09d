import type { LoggerService } from '@nestjs/common';

/**
 * Logs a recurring problem (an unreachable Redis, SMTP server…) at most once
 * per `intervalMs` per key, saying how many lines it held back, so an outage
 * of an hour costs a hundred lines, not a million.
 */
export class ThrottledLog {
  private readonly last = new Map<string, { at: number; suppressed: number }>();

  constructor(
    private readonly logger: Pick<LoggerService, 'warn' | 'error' | 'log'>,
    private readonly intervalMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {}

  warn(key: string, message: string): void {
    this.emit('warn', key, message);
  }

  error(key: string, message: string): void {
    this.emit('error', key, message);
  }

  /** Forgets `key` (the problem is over) and logs `message` if the problem had been reported. */
  resolved(key: string, message: string): void {
    if (this.last.delete(key)) this.logger.log(message);
  }

  private emit(level: 'warn' | 'error', key: string, message: string): void {
    const now = this.now();
    const seen = this.last.get(key);
    if (seen && now - seen.at < this.intervalMs) {
      seen.suppressed += 1;
      return;
    }
    const held = seen && seen.suppressed > 0 ? `（此前 ${Math.round(this.intervalMs / 1000)} 秒内另有 ${seen.suppressed} 条同类消息未记录）` : '';
    this.last.set(key, { at: now, suppressed: 0 });
    this.logger[level](`${message}${held}`);
  }
}

/** Resolves with `work`'s result, or rejects after `ms` (the work itself goes on in the background). */
export async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}：${ms} ms 内未完成`)), ms);
    timer.unref();
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
