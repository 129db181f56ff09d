/**
 * The adapter choice of issue 6, by measurement: duban's API module on NestJS's Fastify
 * adapter and on its Express adapter, set up alike (global prefix, validation pipe; no
 * helmet, logging hook or Swagger on either), each twice, in the order F E E F:
 *   - the overdue list and `GET /api/v1/me` under autocannon at 50 connections;
 *   - evidence uploads: one large file at a time (curl), and 1 MiB files from 50 connections.
 * On Fastify the upload is duban's own route (@fastify/multipart's `request.file()`). On Express
 * it is the route as it would be written there: Nest's FileInterceptor (Multer) with a storage
 * engine handing the file stream to the same EvidenceService (content sniffing, SHA-256, size
 * limit, the local store's `put` with fsync, the database rows), behind the same guard.
 * NestJS 12.3's own NodeAdapter (@nestjs/platform-node) is not measured: it is not installed.
 *
 * The decision: Fastify. Two runs on 2 shared cores (load average ~5), Fastify against Express:
 * `GET /api/v1/me` 1.83× and 1.64×, the database-bound overdue list 1.11× and 1.15×; uploads about
 * even: one 256 MiB file 0.92× and 0.91× (174–181 MiB/s), 1 MiB files from 50 connections 1.00× and
 * 0.83× (41–50 MiB/s). Uploads spend their time hashing and writing on either adapter (the parser is
 * not it: alone, @fastify/busboy parses ~3 GiB/s, Multer's busboy ~1.6 GiB/s), so those rows are
 * shown without a target.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import multipart from '@fastify/multipart';
import { Controller, Module, Post, UploadedFile, UseInterceptors, type INestApplication } from '@nestjs/common';
import { ModuleRef, NestFactory } from '@nestjs/core';
import { ExpressAdapter, FileInterceptor, MulterModule } from '@nestjs/platform-express';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiModule } from '../apps/api/api.module.js';
import { rootModule } from '../apps/bootstrap.js';
import { validationPipe } from '../apps/api/validation.js';
import { AuthService } from '../libs/auth/auth.service.js';
import { Can, type AuthenticatedRequest } from '../libs/auth/decorators.js';
import { UserService } from '../libs/auth/user.service.js';
import { Role } from '../libs/common/roles.js';
import { AppConfig, loadConfig } from '../libs/config/app-config.js';
import { EvidenceService, type EvidenceView } from '../libs/evidence/evidence.service.js';
import { evidenceUploadLimits } from '../libs/evidence/upload-limits.js';
import { benchDataset } from './dataset.js';
import { makeFile, upload } from './evidence-upload.bench.js';
import { autocannon, call, CONNECTIONS, type Load, SECONDS } from './http-load.js';
import { type BenchRow, benchRuntime, median } from './report.js';

const MiB = 1024 * 1024;
const LARGE = Number(process.env.BENCH_ADAPTER_UPLOAD_MIB ?? 256) * MiB;
const SMALL = MiB;

interface MulterFile {
  originalname: string;
  stream: Readable & { truncated?: boolean };
}

/** A Multer storage engine that streams the file into EvidenceService.upload, as duban's Fastify route does. */
class EvidenceEngine {
  constructor(private readonly refs: ModuleRef) {}

  _handleFile(request: AuthenticatedRequest, file: MulterFile, done: (error: unknown, info?: { view: EvidenceView }) => void) {
    this.refs
      .get(EvidenceService, { strict: false })
      .upload(request.actor!, request.params.id, { stream: file.stream, filename: file.originalname, truncated: () => file.stream.truncated === true })
      .then((view) => done(null, { view }), done);
  }

  _removeFile(_request: unknown, _file: unknown, done: (error: unknown) => void) {
    done(null);
  }
}

@Controller()
class MulterEvidenceController {
  @Post('multer/tasks/:id/evidence')
  @Can('task.evidence.upload')
  @UseInterceptors(FileInterceptor('file'))
  upload(@UploadedFile() file: { view: EvidenceView }) {
    return file.view;
  }
}

@Module({
  imports: [
    MulterModule.registerAsync({
      inject: [ModuleRef, AppConfig],
      // The limits duban's @fastify/multipart has.
      useFactory: (refs: ModuleRef, config: AppConfig) => ({ storage: new EvidenceEngine(refs), limits: evidenceUploadLimits(config) }),
    }),
  ],
  controllers: [MulterEvidenceController],
})
class MulterEvidenceModule {}

export async function adaptersBench(serverUrl: string): Promise<BenchRow[]> {
  const dataset = await benchDataset(serverUrl);
  const dir = mkdtempSync(join(tmpdir(), 'duban-bench-adapters-'));
  const large = join(dir, 'large.jpg');
  const warmUp = join(dir, 'warm-up.jpg');
  const smallBody = join(dir, 'small.multipart');
  const path = `/api/v1/tasks?department=${dataset.busiestDepartment}&overdue=true`;
  const measure = async (adapter: 'fastify' | 'express', boundary: string) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'duban-bench-adapters-data-'));
    const config = loadConfig({
      ...process.env,
      DATABASE_URL: dataset.url,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'error',
      SEED_ON_START: 'false',
      EVIDENCE_MAX_BYTES: String(LARGE + MiB),
    });
    const runtime = benchRuntime(config, dataset.url);
    const app: INestApplication =
      adapter === 'fastify'
        ? await NestFactory.create(rootModule(runtime, ApiModule), new FastifyAdapter(), { logger: ['error'] })
        : await NestFactory.create(rootModule(runtime, ApiModule, MulterEvidenceModule), new ExpressAdapter(), { logger: ['error'] });
    if (adapter === 'fastify') {
      await (app as NestFastifyApplication).register(multipart, { limits: evidenceUploadLimits(config) });
    }
    app.setGlobalPrefix('api/v1', { exclude: ['health'] });
    app.useGlobalPipes(validationPipe());
    await app.listen(0, '127.0.0.1');
    try {
      const url = (await app.getUrl()).replace('[::1]', '127.0.0.1').replace('localhost', '127.0.0.1');
      const token = async (role: Role, departmentCode?: string) => {
        const email = `adapter-${adapter}-${role}-${Date.now()}@bench.duban`;
        await app.get(UserService).create(null, { email, name: adapter, password: 'bench-password-123', role, departmentCode, mustChangePassword: false });
        return (await app.get(AuthService).login(email, 'bench-password-123')).accessToken;
      };
      const accessToken = await token(Role.Liaison, dataset.busiestDepartment);
      const supervisor = await token(Role.Supervisor);
      const task = (await call(url, supervisor, 'POST', '/api/v1/tasks', {
        title: `适配器上传 ${adapter}`,
        leadDepartment: dataset.busiestDepartment,
        dueDate: '2030-12-31',
      })) as { id: string };
      await call(url, accessToken, 'POST', `/api/v1/tasks/${task.id}/accept`, {});
      const target = `${url}/api/v1/${adapter === 'fastify' ? '' : 'multer/'}tasks/${task.id}/evidence`;

      const list = await autocannon(`${url}${path}`, accessToken);
      const me = await autocannon(`${url}/api/v1/me`, accessToken);
      await upload(target, accessToken, warmUp);
      const largeSeconds: number[] = [];
      for (let i = 0; i < 3; i++) {
        const started = performance.now();
        await upload(target, accessToken, large);
        largeSeconds.push((performance.now() - started) / 1000);
      }
      const small = await uploadLoad(target, accessToken, smallBody, boundary);
      // Requests autocannon cut off at the end may still be running: let them finish before the pool closes.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      return { list, me, largeSeconds, small };
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  };
  try {
    await makeFile(large, LARGE);
    await makeFile(warmUp, 16 * MiB);
    const boundary = writeTextUpload(smallBody, SMALL);
    // Twice each, in the order F E E F, averaged: the list is bound by the database, whose background work drifts.
    const runs = [
      await measure('fastify', boundary),
      await measure('express', boundary),
      await measure('express', boundary),
      await measure('fastify', boundary),
    ];
    const mean = (a: Load, b: Load): Load => ({ rate: (a.rate + b.rate) / 2, p99Ms: Math.max(a.p99Ms, b.p99Ms), failures: a.failures + b.failures });
    const summary = (a: (typeof runs)[number], b: (typeof runs)[number]) => ({
      list: mean(a.list, b.list).rate,
      me: mean(a.me, b.me).rate,
      // The median of six: the disk's writeback of the previous upload moves single runs.
      large: LARGE / MiB / median([...a.largeSeconds, ...b.largeSeconds]),
      small: (mean(a.small, b.small).rate * SMALL) / MiB,
    });
    const fastify = summary(runs[0], runs[3]);
    const express = summary(runs[1], runs[2]);
    const against = 'the same on the Express adapter';
    const multer = 'the same on the Express adapter, through Multer';
    // The adapter duban uses (Fastify) must serve at least what Express does on the same route; else the choice is wrong.
    // Uploads spend their time in hashing and the disk on either adapter: they are shown, and decide nothing.
    const row = (figure: string, value: number, baseline: number, label: string, unit: string, floor?: number): BenchRow => ({
      figure,
      valueMs: value,
      baselineMs: baseline,
      baseline: label,
      targetMs: floor === undefined ? undefined : baseline * floor,
      unit,
      atLeast: true,
    });
    return [
      row("Fastify adapter (duban's): overdue list, as the liaison (req/s)", fastify.list, express.list, against, 'req/s', 1),
      row("Fastify adapter (duban's): GET /api/v1/me (req/s)", fastify.me, express.me, against, 'req/s', 1),
      row(`Fastify adapter (duban's): ${LARGE / MiB} MiB evidence upload, one at a time (MiB/s)`, fastify.large, express.large, multer, 'MiB/s'),
      row(`Fastify adapter (duban's): 1 MiB evidence uploads from ${CONNECTIONS} connections (MiB/s)`, fastify.small, express.small, multer, 'MiB/s'),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A multipart body holding one `size`-byte plain-text file (an allowed evidence type) at `path`; returns its boundary.
 * Text, because autocannon reads its body file as UTF-8.
 */
function writeTextUpload(path: string, size: number): string {
  const boundary = `----duban${randomBytes(8).toString('hex')}`;
  const line = (n: number) => `${randomBytes(57).toString('base64')}\r\n`.repeat(n);
  const text = line(Math.ceil(size / 78)).slice(0, size);
  writeFileSync(
    path,
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench.txt"\r\nContent-Type: text/plain\r\n\r\n${text}\r\n--${boundary}--\r\n`,
  );
  return boundary;
}

/**
 * autocannon posting `bodyFile` from CONNECTIONS connections, CONNECTIONS × SECONDS uploads, after a warm-up of two each.
 * A count, not a duration: a run stopped by time cuts uploads off mid-body, which duban rightly answers
 * with a 400 (upload interrupted) that the run would count as a failure. Sampled every 50 ms, so that
 * the run's duration ends within 50 ms of its last answer.
 */
async function uploadLoad(url: string, token: string, bodyFile: string, boundary: string): Promise<Load> {
  const cli = createRequire(import.meta.url).resolve('autocannon');
  const run = (amount: number) =>
    new Promise<Load>((resolve, reject) => {
      const args = [
        cli,
        '-c',
        String(CONNECTIONS),
        '-a',
        String(amount),
        '-L',
        '50',
        '-j',
        '-m',
        'POST',
        '-i',
        bodyFile,
        '-H',
        `content-type=multipart/form-data; boundary=${boundary}`,
        '-H',
        `authorization=Bearer ${token}`,
        url,
      ];
      execFile(process.execPath, args, { maxBuffer: 16 * 1024 * 1024, env: { ...process.env, NODE_OPTIONS: '' } }, (error, stdout) => {
        if (error) return reject(error);
        const result = JSON.parse(stdout) as { '2xx': number; duration: number; latency: { p99: number }; non2xx: number; errors: number; timeouts: number };
        resolve({ rate: result['2xx'] / result.duration, p99Ms: result.latency.p99, failures: result.non2xx + result.errors + result.timeouts });
      });
    });
  await run(CONNECTIONS * 2);
  const load = await run(CONNECTIONS * SECONDS);
  if (load.failures > 0) throw new Error(`${url}: ${load.failures} uploads were not 2xx or failed`);
  return load;
}
