// Jest loads global setup outside its module mapper, so this runs on the build (`pretest` builds).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrateDatabase } from '../dist/libs/db/data-source.js';
import { startEmbeddedPostgres } from '../dist/libs/db/embedded-postgres.js';
import { prepareTemplate } from './support/template.mjs';

/**
 * Once per run: a PostgreSQL server (DATABASE_URL's, or an embedded one when
 * unset) and a template database migrated and seeded once; each test file then
 * copies it (CREATE DATABASE … TEMPLATE), which is fast and keeps files isolated.
 */
export default async function globalSetup() {
  // Jest calls it once per project that runs (medium, e2e): the first call serves both.
  if (process.env.DUBAN_TEST_TEMPLATE) return;
  // Spawned processes' output, checked line by line at the end of the run (global-teardown.mjs).
  process.env.DUBAN_TEST_LOG_DIR = mkdtempSync(join(tmpdir(), 'duban-test-logs-'));
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const embedded = await startEmbeddedPostgres(mkdtempSync(join(tmpdir(), 'duban-test-pg-')));
    globalThis.dubanEmbedded = embedded;
    adminUrl = embedded.url;
  }
  const template = `duban_tpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  for (const name of [`${template}_empty`, template]) {
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  }
  // Migrated only (for the seed import's own tests) …
  await admin.query(`CREATE DATABASE ${template}_empty`);
  await migrateDatabase(urlOf(adminUrl, `${template}_empty`));
  // … and as a first start leaves it, with the plan imported.
  await admin.query(`CREATE DATABASE ${template} TEMPLATE ${template}_empty`);
  await admin.end();
  await prepareTemplate(urlOf(adminUrl, template));
  process.env.DUBAN_TEST_ADMIN_URL = adminUrl;
  process.env.DUBAN_TEST_TEMPLATE = template;
}

function urlOf(serverUrl, database) {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
