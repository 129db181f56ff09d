/**
 * The adapter choice of issue 6, by measurement: duban's API module on NestJS's Fastify
 * adapter and on its Express adapter, set up alike (global prefix, validation pipe; no
 * helmet, logging hook or Swagger on either), serving the overdue list and `GET /api/v1/me`
 * under autocannon at 50 connections, each twice. Uploads are not compared: the evidence route reads
 * Fastify's multipart stream (`request.file()`); on Express it would need Multer and another
 * controller, which is not duban's code.
 */
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { ApiModule } from '../apps/api/api.module.js';
import { rootModule } from '../apps/bootstrap.js';
import { validationPipe } from '../apps/api/validation.js';
import { AuthService } from '../libs/auth/auth.service.js';
import { UserService } from '../libs/auth/user.service.js';
import { Role } from '../libs/common/roles.js';
import { loadConfig } from '../libs/config/app-config.js';
import { benchDataset } from './dataset.js';
import { autocannon, type Load } from './http-load.js';
import { type BenchRow, benchRuntime } from './report.js';

export async function adaptersBench(serverUrl: string): Promise<BenchRow[]> {
  const dataset = await benchDataset(serverUrl);
  const config = loadConfig({ ...process.env, DATABASE_URL: dataset.url, LOG_LEVEL: 'error', SEED_ON_START: 'false' });
  const runtime = benchRuntime(config, dataset.url);
  const path = `/api/v1/tasks?department=${dataset.busiestDepartment}&overdue=true`;
  const measure = async (adapter: 'fastify' | 'express') => {
    const app: INestApplication = await NestFactory.create(rootModule(runtime, ApiModule), adapter === 'fastify' ? new FastifyAdapter() : new ExpressAdapter(), { logger: ['error'] });
    app.setGlobalPrefix('api/v1', { exclude: ['health'] });
    app.useGlobalPipes(validationPipe());
    await app.listen(0, '127.0.0.1');
    try {
      const url = (await app.getUrl()).replace('[::1]', '127.0.0.1').replace('localhost', '127.0.0.1');
      const email = `adapter-${adapter}-${Date.now()}@bench.duban`;
      await app.get(UserService).create(null, { email, name: adapter, password: 'bench-password-123', role: Role.Liaison, departmentCode: dataset.busiestDepartment });
      const { accessToken } = await app.get(AuthService).login(email, 'bench-password-123');
      const result = { list: await autocannon(`${url}${path}`, accessToken), me: await autocannon(`${url}/api/v1/me`, accessToken) };
      // Requests autocannon cut off at the end may still be running: let them finish before the pool closes.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      return result;
    } finally {
      await app.close();
    }
  };
  // Twice each, in the order F E E F, averaged: the list is bound by the database, whose background work drifts.
  const runs = [await measure('fastify'), await measure('express'), await measure('express'), await measure('fastify')];
  const mean = (a: Load, b: Load): Load => ({ rate: (a.rate + b.rate) / 2, p99Ms: Math.max(a.p99Ms, b.p99Ms), failures: a.failures + b.failures });
  const fastify = { list: mean(runs[0].list, runs[3].list), me: mean(runs[0].me, runs[3].me) };
  const express = { list: mean(runs[1].list, runs[2].list), me: mean(runs[1].me, runs[2].me) };
  // The adapter duban uses (Fastify) must serve at least what Express does on the same route; else the choice is wrong.
  const row = (figure: string, value: Load, baseline: Load): BenchRow => ({
    figure, valueMs: value.rate, baselineMs: baseline.rate, baseline: 'the same on the Express adapter', targetMs: baseline.rate, unit: 'req/s', atLeast: true,
  });
  return [
    row('Fastify adapter (duban\'s): overdue list, as the liaison (req/s)', fastify.list, express.list),
    row('Fastify adapter (duban\'s): GET /api/v1/me (req/s)', fastify.me, express.me),
  ];
}
