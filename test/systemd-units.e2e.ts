import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const SYSTEMD_ANALYZE = process.env.SYSTEMD_ANALYZE_PATH ?? '/usr/bin/systemd-analyze';
/** Where docs/DEPLOY.md installs duban; the test points the units at this checkout instead. */
const INSTALL_DIR = '/opt/duban';

/** The systemd units of docs/DEPLOY.md, as written there: the `ini` blocks that start with `[Unit]`. */
function deployedUnits(): string[] {
  const doc = readFileSync('docs/DEPLOY.md', 'utf8');
  return [...doc.matchAll(/```ini\n([\s\S]*?)```/g)].map((m) => m[1]).filter((block) => block.startsWith('[Unit]'));
}

/** A unit with the install directory replaced by this checkout, so `ExecStart` names a real Node.js binary. */
function here(unit: string): string {
  return unit.replaceAll(INSTALL_DIR, resolve('.'));
}

/** `systemd-analyze verify` of the files; its warnings go to stderr even when it exits 0, so both count. */
function verify(dir: string, files: string[]): { status: number | null; stderr: string } {
  const run = spawnSync(SYSTEMD_ANALYZE, ['verify', ...files.map((f) => join(dir, f))], { encoding: 'utf8' });
  return { status: run.status, stderr: run.stderr.trim() };
}

/**
 * docs/DEPLOY.md's units checked by systemd's own validator (issue 19): an API instance per port and the
 * worker, each running the Node.js this project installs and the entry point `npm run build` writes.
 */
describe('systemd units in docs/DEPLOY.md', () => {
  let dir: string;
  let api: string;
  let worker: string;

  beforeAll(() => {
    if (!existsSync(SYSTEMD_ANALYZE)) throw new Error(`${SYSTEMD_ANALYZE} is missing: install Debian's systemd package (.ci/run does)`);
    dir = mkdtempSync(join(tmpdir(), 'duban-units-'));
    const units = deployedUnits();
    api = units.find((u) => u.includes('dist/apps/api/main.js')) ?? '';
    worker = units.find((u) => u.includes('dist/apps/worker/main.js')) ?? '';
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('documents an API unit and a worker unit whose ExecStart runs what the build writes', () => {
    expect(api).toContain('ExecStart=');
    expect(worker).toContain('ExecStart=');
    for (const unit of [api, worker]) {
      const [binary, entry] = /^ExecStart=(\S+) (\S+)$/m.exec(here(unit))?.slice(1) ?? [];
      expect(existsSync(binary)).toBe(true);
      expect(existsSync(entry)).toBe(true);
    }
  });

  it('passes systemd-analyze verify without a warning (an API instance on port 3000 and the worker)', () => {
    writeFileSync(join(dir, 'duban-api@3000.service'), here(api));
    writeFileSync(join(dir, 'duban-worker.service'), here(worker));
    expect(verify(dir, ['duban-api@3000.service', 'duban-worker.service'])).toEqual({ status: 0, stderr: '' });
  });

  it('would fail on a unit systemd cannot read (the check is not blind)', () => {
    writeFileSync(join(dir, 'broken-worker.service'), here(worker).replace('Restart=on-failure', 'Restart=sometimes'));
    expect(verify(dir, ['broken-worker.service']).stderr).toContain('sometimes');
  });
});
