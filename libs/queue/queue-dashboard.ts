import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { BullQueue } from './queue-connection.js';

export const DASHBOARD_PATH = '/admin/queues';
const COOKIE = 'duban_queues';

export type DashboardDecision = 'allow' | 'forbidden' | 'unauthenticated';

/** Who may open the dashboard, by the credential a request carries. */
export interface DashboardGate {
  /** A bearer token (curl, scripts). */
  byToken(token: string): Promise<DashboardDecision>;
  /** A single-use ticket from the console, exchanged once for a cookie secret to set. */
  exchange(ticket: string, ip: string): Promise<{ decision: DashboardDecision; cookie?: string }>;
  /** The cookie secret an exchange set. */
  byCookie(secret: string): Promise<DashboardDecision>;
}

/**
 * Bull Board (the queues, their jobs, retries) at /admin/queues, for administrators. No token ever sits
 * in its address: browsers cannot send a bearer header, so the console asks the API for a single-use
 * ticket (`POST /api/v1/queue-dashboard/ticket`) and opens `/admin/queues?ticket=…`, which is exchanged
 * for an HttpOnly, SameSite=Strict cookie scoped to the dashboard, then redirected away from. Read-only
 * (no retry, clean or remove) unless `writable`.
 */
export async function registerQueueDashboard(fastify: FastifyInstance, queues: BullQueue[], gate: DashboardGate, writable: boolean): Promise<void> {
  const board = new FastifyAdapter();
  board.setBasePath(DASHBOARD_PATH);
  createBullBoard({
    // The adapter only calls the backend-neutral Queue API, which BullMQ's PostgreSQL backend serves too.
    queues: queues.map((queue) => new BullMQAdapter(queue as unknown as Queue, { readOnlyMode: !writable, allowRetries: writable })),
    serverAdapter: board,
    options: { uiConfig: { boardTitle: 'duban 队列' } },
  });
  await fastify.register(
    async (scope) => {
      scope.addHook('onRequest', async (request, reply) => {
        const ticket = (request.query as Record<string, string | undefined>).ticket;
        if (ticket) {
          const { decision, cookie } = await gate.exchange(ticket, request.ip);
          if (decision !== 'allow' || !cookie) return refuse(reply, decision === 'allow' ? 'unauthenticated' : decision);
          const secure = request.protocol === 'https' ? '; Secure' : '';
          return reply
            .code(302)
            .header('set-cookie', `${COOKIE}=${cookie}; Path=${DASHBOARD_PATH}; HttpOnly; SameSite=Strict${secure}`)
            .header('location', DASHBOARD_PATH)
            .send();
        }
        const token = bearer(request);
        const secret = cookie(request, COOKIE);
        const decision = token ? await gate.byToken(token) : secret ? await gate.byCookie(secret) : 'unauthenticated';
        if (decision !== 'allow') return refuse(reply, decision);
      });
      await scope.register(board.registerPlugin());
    },
    { prefix: DASHBOARD_PATH },
  );
}

function refuse(reply: FastifyReply, decision: 'forbidden' | 'unauthenticated') {
  const status = decision === 'forbidden' ? 403 : 401;
  const message =
    decision === 'forbidden'
      ? '队列面板仅限管理员'
      : `队列面板需要管理员登录：请从控制台的「队列看板」打开（一次性链接），或以 Authorization: Bearer <token> 访问`;
  return reply.code(status).send({ statusCode: status, error: status === 403 ? 'Forbidden' : 'Unauthorized', message });
}

function bearer(request: FastifyRequest): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
}

function cookie(request: FastifyRequest, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}
