import { followReportJob, jobPath, pollDelay, POLL_GIVE_UP_MS, reportStep, type ReportJob, type ReportStep } from './reports';

const job = (status: ReportJob['status'], progress = 0, error: string | null = null): ReportJob => ({
  id: 'j1',
  year: 2026,
  format: 'xlsx',
  status,
  progress,
  error,
  createdAt: '2026-01-05T08:00:00.000Z',
  finishedAt: null,
});

describe('reportStep', () => {
  it('waits on a queued or running job, with its percent (at most 99 until done)', () => {
    expect(reportStep(job('queued'))).toEqual({ kind: 'wait', percent: 0, text: '排队等待生成…' });
    expect(reportStep(job('running', 42))).toEqual({ kind: 'wait', percent: 42, text: '正在生成报告（42%）…' });
    expect(reportStep(job('running', 100))).toMatchObject({ kind: 'wait', percent: 99 });
  });

  it('fetches a done job and says why a failed one failed', () => {
    expect(reportStep(job('done', 100))).toEqual({ kind: 'fetch', percent: 100 });
    expect(reportStep(job('failed', 10, '内存不足'))).toEqual({ kind: 'fail', text: '报告生成失败：内存不足，请稍后重试' });
    expect(reportStep(job('failed'))).toEqual({ kind: 'fail', text: '报告生成失败，请稍后重试' });
  });
});

describe('jobPath', () => {
  it('reads the Location header under /api/v1, or builds the path next to the report', () => {
    expect(jobPath('/assessments/2026/report.xlsx', { id: 'j1' }, '/api/v1/assessments/2026/reports/j1')).toBe('/assessments/2026/reports/j1');
    expect(jobPath('/assessments/2026/report.xlsx', { id: 'j1' }, 'http://host:3000/api/v1/assessments/2026/reports/j1')).toBe('/assessments/2026/reports/j1');
    expect(jobPath('/assessments/2026/report.html', { id: 'j2' }, null)).toBe('/assessments/2026/reports/j2');
  });
});

describe('pollDelay', () => {
  it('slows from half a second to three', () => {
    expect(pollDelay(0)).toBe(500);
    expect(pollDelay(4)).toBe(1500);
    expect(pollDelay(100)).toBe(3000);
  });
});

describe('followReportJob', () => {
  it('polls until done, telling each step, and answers the file path', async () => {
    const answers = [job('running', 30), job('running', 80), job('done', 100)];
    const steps: ReportStep[] = [];
    const polled: string[] = [];
    const sleeps: number[] = [];
    const file = await followReportJob(job('queued'), '/assessments/2026/reports/j1', {
      status: async (p) => {
        polled.push(p);
        return answers.shift()!;
      },
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      onStep: (s) => steps.push(s),
    });
    expect(file).toBe('/assessments/2026/reports/j1/file');
    expect(steps.map((s) => s.kind)).toEqual(['wait', 'wait', 'wait', 'fetch']);
    expect(steps.map((s) => ('percent' in s ? s.percent : null))).toEqual([0, 30, 80, 100]);
    expect(polled).toHaveLength(3);
    expect(sleeps).toEqual([500, 750, 1000]);
  });

  it('rejects with the reason when the job fails', async () => {
    await expect(
      followReportJob(job('running', 5), '/p', { status: async () => job('failed', 5, '磁盘已满'), sleep: async () => undefined, onStep: () => undefined }),
    ).rejects.toThrow('报告生成失败：磁盘已满，请稍后重试');
  });

  it('gives up after the deadline', async () => {
    let clock = 0;
    await expect(
      followReportJob(job('running', 1), '/p', {
        status: async () => job('running', 1),
        sleep: async (ms) => {
          clock += ms;
        },
        onStep: () => undefined,
        now: () => clock,
      }),
    ).rejects.toThrow('报告生成时间过长');
    expect(clock).toBeGreaterThan(POLL_GIVE_UP_MS - 3000);
  });
});
