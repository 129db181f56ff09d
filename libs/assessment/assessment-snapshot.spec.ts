import { readSnapshot, SNAPSHOT_VERSION, writeSnapshot } from './assessment-snapshot.js';
import { smallReport } from '../../test/fixtures/assessment-report.fixture.js';

/** JSON as the jsonb column returns it. */
const stored = (value: unknown) => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;

describe('assessment snapshots', () => {
  it('writes the current version and reads the report back unchanged, without the version', () => {
    const report = smallReport();
    const snapshot = stored(writeSnapshot(report));
    expect(snapshot.version).toBe(SNAPSHOT_VERSION);
    expect(readSnapshot(snapshot)).toEqual(stored(report));
    expect(readSnapshot(snapshot)).not.toHaveProperty('version');
  });

  it('reads a version 1 snapshot (no version, no report-period figures) with those figures as 0', () => {
    const report = smallReport();
    const v1 = stored(report) as { departments: { metrics: Record<string, unknown> }[] };
    for (const d of v1.departments) {
      for (const key of ['reportsDue', 'reportsOnTime', 'reportsLate', 'reportsMissed']) delete d.metrics[key];
    }
    expect(v1).not.toHaveProperty('version');
    const read = readSnapshot(v1);
    expect(
      read.departments.map((d) => [d.departmentCode, d.metrics.reportsDue, d.metrics.reportsOnTime, d.metrics.reportsLate, d.metrics.reportsMissed]),
    ).toEqual(report.departments.map((d) => [d.departmentCode, 0, 0, 0, 0]));
    // Everything else is read as it was frozen.
    expect(read.departments.map((d) => ({ ...d, metrics: { ...d.metrics, reportsDue: 1, reportsOnTime: 1, reportsLate: 1, reportsMissed: 1 } }))).toEqual(
      stored(report.departments.map((d) => ({ ...d, metrics: { ...d.metrics, reportsDue: 1, reportsOnTime: 1, reportsLate: 1, reportsMissed: 1 } }))),
    );
    expect(read.tasks).toEqual(stored(report.tasks));
  });

  it('refuses a version it does not know rather than misread it', () => {
    expect(() => readSnapshot({ ...stored(smallReport()), version: SNAPSHOT_VERSION + 1 })).toThrow(`考核快照版本 ${SNAPSHOT_VERSION + 1} 无法识别`);
  });
});
