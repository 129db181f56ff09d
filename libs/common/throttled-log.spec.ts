import { ThrottledLog } from './throttled-log.js';

describe('ThrottledLog', () => {
  it('logs a recurring problem once per interval, counting what it held back', () => {
    const lines: string[] = [];
    let now = 0;
    const log = new ThrottledLog(
      { warn: (m: string) => lines.push(m), error: (m: string) => lines.push(m), log: (m: string) => lines.push(m) },
      30_000,
      () => now,
    );
    for (let i = 0; i < 100; i++) {
      log.warn('redis', 'down');
      now += 1000;
    }
    // 100 s of one error a second: 4 lines.
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe('down（此前 30 秒内另有 29 条同类消息未记录）');
    log.resolved('redis', 'back');
    log.resolved('redis', 'back again');
    expect(lines.at(-1)).toBe('back');
    log.warn('redis', 'down');
    expect(lines.at(-1)).toBe('down');
  });
});
