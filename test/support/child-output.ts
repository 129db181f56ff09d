import type { ChildProcess } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Collects what a spawned duban process prints (stdout and stderr) and returns a reader of it. Unless the process
 * was asked for pretty lines, the output is also kept under DUBAN_TEST_LOG_DIR, where the run's global teardown
 * parses every line as one JSON log entry (test/support/log-lines.mjs): a full e2e run proves the one log format.
 */
export function captureOutput(child: ChildProcess, env: Record<string, string | undefined>, checked = true): () => string {
  let output = '';
  const dir = process.env.DUBAN_TEST_LOG_DIR;
  const file = dir && checked && env.LOG_FORMAT !== 'pretty' ? join(dir, `${child.pid ?? 'unknown'}.log`) : null;
  const keep = (chunk: Buffer) => {
    const text = chunk.toString();
    output += text;
    if (file) appendFileSync(file, text);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => output;
}
