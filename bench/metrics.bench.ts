/**
 * What `/metrics` costs the API (issue 19): the list bench's route (a department's overdue tasks, as its
 * liaison, 50 connections) with a Prometheus-like scraper reading `GET /metrics` every second from its own
 * process, against the same route unscraped, in the same run: off, on, on, off, off, on, each side averaged, so
 * the machine's drift weighs on both. A scrape's time without load is shown beside: the most CPU it can take. The state gauges
 * are read at most every STATE_READ_MS (libs/metrics/metrics.ts). A scrape reads every state gauge (tasks by status over the 100,000
 * tasks, overdue, deliveries, sweep lag, queue jobs, calendar). The onResponse hook that counts every request
 * runs in both; its own cost (a counter and a histogram a request) is shown beside, measured in a loop.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { Metrics, STATE_READ_MS } from '../libs/metrics/metrics.js';
import { benchDataset, DATASET } from './dataset.js';
import { autocannon, CONNECTIONS, type Load, SECONDS, startBenchApp } from './http-load.js';
import { type BenchRow, median } from './report.js';

export async function metricsBench(serverUrl: string): Promise<BenchRow[]> {
  const dataset = await benchDataset(serverUrl);
  const department = dataset.busiestDepartment;
  const app = await startBenchApp(dataset.url);
  try {
    const liaison = await app.user('liaison', department);
    const url = `${app.url}/api/v1/tasks?department=${department}&overdue=true`;
    const first = await fetch(`${app.url}/metrics`);
    if (first.status !== 200 || !(await first.text()).includes('duban_tasks{')) throw new Error(`GET /metrics answered ${first.status} without duban_tasks`);

    // A scrape's own cost, without load: its time is the CPU it takes from the API process and PostgreSQL together, at most.
    const idle: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      await (await fetch(`${app.url}/metrics`)).text();
      idle.push(performance.now() - started);
    }
    // The first reads every gauge; the next four, within STATE_READ_MS, show the last values.
    const readMs = idle[0];
    const cachedMs = median(idle.slice(1));

    // Off and on in the order A B B A A B: a drift of the machine's other work over the run weighs on both alike.
    const off: Load[] = [];
    const on: Load[] = [];
    const scraped = async () => {
      const scraper = startScraper(`${app.url}/metrics`);
      const load = await autocannon(url, liaison.token).catch(async (error: unknown) => {
        await scraper.stop();
        throw error;
      });
      const tally = await scraper.stop();
      if (tally.failures > 0 || tally.scrapes < SECONDS) throw new Error(`the scraper read /metrics ${tally.scrapes} times, ${tally.failures} failed`);
      on.push(load);
      scrapes.push(tally);
    };
    const scrapes: Array<{ scrapes: number; failures: number; meanMs: number; maxMs: number }> = [];
    off.push(await autocannon(url, liaison.token));
    await scraped();
    await scraped();
    off.push(await autocannon(url, liaison.token));
    off.push(await autocannon(url, liaison.token));
    await scraped();
    const mean = (loads: Load[]) => loads.reduce((sum, l) => sum + l.rate, 0) / loads.length;
    const offRate = mean(off);
    const onRate = mean(on);
    const scrapeCount = scrapes.reduce((n, t) => n + t.scrapes, 0);
    const scrapeMs = scrapes.reduce((ms, t) => ms + t.meanMs * t.scrapes, 0) / scrapeCount;
    const hookUs = hookCostMicroseconds(app.nest.get(Metrics));
    console.log(
      `metrics bench: unscraped ${off.map((l) => l.rate.toFixed(0)).join(', ')} req/s; scraped ${on.map((l) => l.rate.toFixed(0)).join(', ')} req/s; ` +
        `a scrape ${idle.map((ms) => ms.toFixed(1)).join(', ')} ms unloaded (the first reads the gauges), ${scrapeMs.toFixed(1)} ms on average under load (${scrapeCount} scrapes); ` +
        `the hook's counting ${hookUs.toFixed(2)} µs a request`,
    );
    const load = `${CONNECTIONS} connections, ${SECONDS} s, mean of 3`;
    return [
      {
        figure: `overdue list of ${department} (${DATASET.tasks} tasks) as its liaison, /metrics scraped every second: req/s, ${load}`,
        valueMs: onRate,
        baselineMs: offRate,
        baseline: 'the same route, not scraped (A B B A A B)',
        targetMs: offRate * 0.95,
        unit: 'req/s',
        atLeast: true,
      },
      {
        // Its time unloaded bounds the CPU it takes (the API process's and PostgreSQL's).
        figure: `  a scrape unloaded that reads every gauge (the database, the queue), once every ${STATE_READ_MS / 1000} s: at most ${(readMs / (STATE_READ_MS / 100)).toFixed(1)} % of one core`,
        valueMs: readMs,
        baselineMs: STATE_READ_MS,
        baseline: 'how often a scrape reads them',
      },
      {
        figure: `  a scrape unloaded between reads (median of 4)`,
        valueMs: cachedMs,
        baselineMs: 1000,
        baseline: 'the scrape interval',
      },
      {
        figure: `  the same under the list's load (mean of ${scrapeCount}; waits for the pool with the requests)`,
        valueMs: scrapeMs,
        baselineMs: 1000,
        baseline: 'the scrape interval',
      },
      {
        // The share of one core the hook takes at the route's rate: its cost per request times requests per second.
        figure: `  the onResponse hook's counter and histogram, µs a request (${((hookUs * onRate) / 1e4).toFixed(2)} % of a core at that rate)`,
        valueMs: hookUs,
        baselineMs: 1e6 / onRate,
        baseline: 'one request of the route, at its rate, µs',
        unit: 'µs',
      },
    ];
  } finally {
    await app.close();
  }
}

/** What the onResponse hook adds to each request, in µs: the counter and histogram it updates, in a loop. */
function hookCostMicroseconds(metrics: Metrics): number {
  const labels = { method: 'GET', route: '/api/v1/bench/hook', status: '200' };
  const count = 200_000;
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    metrics.httpRequests.inc(labels);
    metrics.httpDuration.observe(labels, (i % 100) / 1000);
  }
  const us = ((performance.now() - started) * 1000) / count;
  metrics.httpRequests.remove(labels);
  metrics.httpDuration.remove(labels);
  return us;
}

/** A scraper in its own process reading `url` every second until stopped; stop() gives its tally. */
function startScraper(url: string): { stop(): Promise<{ scrapes: number; failures: number; meanMs: number; maxMs: number }> } {
  const script = `
    const times = []; let failures = 0;
    const timer = setInterval(async () => {
      const started = performance.now();
      try { const r = await fetch(${JSON.stringify(url)}); await r.text(); if (r.status !== 200) failures++; } catch { failures++; }
      times.push(performance.now() - started);
    }, 1000);
    process.stdin.resume();
    process.stdin.on('end', () => {
      clearInterval(timer);
      const total = times.reduce((a, b) => a + b, 0);
      console.log(JSON.stringify({ scrapes: times.length, failures, meanMs: total / Math.max(1, times.length), maxMs: Math.max(0, ...times) }));
      process.exit(0);
    });`;
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const child: ChildProcess = spawn(process.execPath, ['-e', script], { env, stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  return {
    async stop() {
      child.stdin!.end();
      const line = await lines.next();
      if (line.done) throw new Error(`the scraper exited (code ${child.exitCode})`);
      return JSON.parse(line.value) as { scrapes: number; failures: number; meanMs: number; maxMs: number };
    },
  };
}
