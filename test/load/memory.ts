import { rssKiB } from '../support/processes.js';

/** Resident memory of some processes, sampled every `everyMs` while recording. */
export class RssSampler {
  readonly samples = new Map<string, Array<{ at: number; kib: number }>>();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly pids: Record<string, number>,
    private readonly everyMs = 1000,
  ) {
    for (const name of Object.keys(pids)) this.samples.set(name, []);
  }

  start(): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.everyMs);
  }

  stop(): void {
    clearInterval(this.timer);
    this.sample();
  }

  private sample(): void {
    const at = Date.now();
    for (const [name, pid] of Object.entries(this.pids)) {
      const kib = rssKiB(pid);
      if (kib !== null) this.samples.get(name)!.push({ at, kib });
    }
  }
}

export interface RssGrowth {
  name: string;
  /** Median of the samples in the first and in the last window (the first and last minute, or fifth of a shorter run). */
  firstMiB: number;
  lastMiB: number;
  peakMiB: number;
  growth: number;
  windowSeconds: number;
  /** MiB at eleven evenly spaced moments of the run, to tell a plateau from a slope. */
  trajectory: number[];
}

/** First versus last window of each process's samples. */
export function rssGrowth(samples: Map<string, Array<{ at: number; kib: number }>>): RssGrowth[] {
  return [...samples.entries()].map(([name, series]) => {
    const start = series[0]?.at ?? 0;
    const end = series.at(-1)?.at ?? 0;
    const window = Math.min(60_000, (end - start) / 5);
    const median = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return sorted[Math.floor(sorted.length / 2)] ?? 0;
    };
    const first = median(series.filter((s) => s.at <= start + window).map((s) => s.kib));
    const last = median(series.filter((s) => s.at >= end - window).map((s) => s.kib));
    const mib = (kib: number) => Math.round((kib / 1024) * 10) / 10;
    const trajectory = Array.from({ length: 11 }, (_, i) => mib(series[Math.round((i / 10) * (series.length - 1))]?.kib ?? 0));
    return {
      name,
      firstMiB: mib(first),
      lastMiB: mib(last),
      peakMiB: mib(Math.max(...series.map((s) => s.kib))),
      growth: first ? last / first - 1 : 0,
      windowSeconds: Math.round(window / 1000),
      trajectory,
    };
  });
}
