/**
 * `npm run seed [-- <dir>]`: imports every plan folder under `<dir>` (default SEEDS_DIR,
 * `seeds`) into DATABASE_URL, or into the embedded database under DATA_DIR, migrating
 * it first. Idempotent: a second run changes nothing. Exit code 0 on success, 1 when
 * the seeds are invalid (nothing imported), 2 when it cannot run.
 */
import 'reflect-metadata';
import { openRuntime, type Runtime } from '../bootstrap.js';
import { importSeeds } from '../../libs/plan/import-seeds.js';
import { formatProblem, SeedValidationError } from '../../libs/plan/seed-files.js';
import { describeSeedReport } from '../../libs/plan/seed-importer.js';

/** More than this many problems are summarised: the first ones usually explain the rest. */
const SHOWN_PROBLEMS = 50;

let runtime: Runtime | undefined;
try {
  // This command imports by itself; the first-start import would only race it.
  runtime = await openRuntime({ ...process.env, SEED_ON_START: 'false' });
  const dir = process.argv[2] ?? runtime.config.SEEDS_DIR;
  const report = await importSeeds(runtime.databaseUrl, dir);
  console.log(`已导入 ${dir} 中的规划 ${report.plans.join(', ')}：${describeSeedReport(report)}`);
  if (report.missing.length > 0) {
    console.log(`数据库中另有 ${report.missing.length} 条记录已不在种子中（保留未删）：${report.missing.map((m) => `${m.kind} ${m.key}`).join(', ')}`);
  }
  process.exitCode = 0;
} catch (error) {
  if (error instanceof SeedValidationError) {
    console.error(`种子文件有 ${error.problems.length} 处错误，未导入任何数据：`);
    for (const problem of error.problems.slice(0, SHOWN_PROBLEMS)) console.error(`  ${formatProblem(problem)}`);
    if (error.problems.length > SHOWN_PROBLEMS) console.error(`  ……另有 ${error.problems.length - SHOWN_PROBLEMS} 处`);
    process.exitCode = 1;
  } else {
    console.error(`无法导入种子：${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  }
} finally {
  await runtime?.close();
}
