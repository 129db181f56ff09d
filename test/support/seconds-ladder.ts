import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DAY_MS = 86_400_000;
const SHANGHAI_MS = 8 * 3600_000; // Asia/Shanghai keeps UTC+8 all year

/**
 * A deadline and step offsets that put a policy's steps `leadSeconds`,
 * `leadSeconds + gapSeconds`, … from now. Steps count back from the end of the
 * due date (the next midnight in Shanghai), so a task due today with a step at
 * -PT{S-leadSeconds}S, S being the seconds left today, fires leadSeconds from now.
 * Too close to midnight for the whole ladder (and a margin), tomorrow is used.
 */
export function secondsLadder(leadSeconds: number, gapSeconds: number, count = 3, now = Date.now()) {
  let dayStart = Math.floor((now + SHANGHAI_MS) / DAY_MS) * DAY_MS; // today's midnight, as a Shanghai wall clock read as UTC
  let secondsLeft = Math.floor((dayStart + DAY_MS - SHANGHAI_MS - now) / 1000);
  if (secondsLeft < leadSeconds + (count - 1) * gapSeconds + 30) {
    dayStart += DAY_MS;
    secondsLeft += 86_400;
  }
  const offsets = Array.from({ length: count }, (_, n) => secondsLeft - leadSeconds - n * gapSeconds);
  const endOfDue = dayStart + DAY_MS - SHANGHAI_MS;
  return {
    dueDate: new Date(dayStart).toISOString().slice(0, 10),
    steps: offsets.map((s) => `-PT${s}S`),
    firstAt: endOfDue - offsets[0] * 1000,
    lastAt: endOfDue - offsets[count - 1] * 1000,
  };
}

/**
 * Writes a policy of three steps at `ladder`'s moments into `dir` and returns its path:
 * a reminder to the assignee, an overdue alert to assignee and supervisors, an escalation to the leader.
 */
export function writeSecondsPolicy(dir: string, ladder: { steps: string[] }): string {
  const policy = join(dir, 'seconds-policy.yaml');
  writeFileSync(
    policy,
    [
      'workdays: false',
      'warnBefore: PT1M',
      'steps:',
      `  - { at: ${ladder.steps[0]}, to: [assignee], template: reminder }`,
      `  - { at: ${ladder.steps[1]}, to: [assignee, supervisors], template: overdue }`,
      `  - { at: ${ladder.steps[2]}, to: [leader], template: escalation }`,
      '',
    ].join('\n'),
  );
  return policy;
}
