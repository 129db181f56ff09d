import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { BullQueue } from './queue-connection.js';

export const DASHBOARD_PATH = '/admin/queues';
const COOKIE = 'duban_queues';

/** Who may open the dashboard: `allow`, `forbidden` (a valid token of someone else) or `unauthenticated`. */
export type DashboardAccess = (token: string) => Promise<'allow' | 'forbidden' | 'unauthenticated'>;

/**
 * Bull Board (the queues, their jobs, retries) at /admin/queues, for
 * administrators. Browsers cannot send a bearer header, so the access token may
 * also come once as `?token=`, which is moved into an HttpOnly cookie scoped to
 * the dashboard (and out of the address bar) by a redirect.
 */
export async function registerQueueDashboard(fastify: FastifyInstance, queues: BullQueue[], access: DashboardAccess): Promise<void> {
  const board = new FastifyAdapter();
  board.setBasePath(DASHBOARD_PATH);
  createBullBoard({
    // The adapter only calls the backend-neutral Queue API, which BullMQ's PostgreSQL backend serves too.
    queues: queues.map((queue) => new BullMQAdapter(queue as unknown as Queue)),
    serverAdapter: board,
    options: { uiConfig: { boardTitle: 'duban 队列' } },
  });
  await fastify.register(
    async (scope) => {
      scope.addHook('onRequest', async (request, reply) => {
        const fromQuery = (request.query as Record<string, string | undefined>).token;
        const token = bearer(request) ?? fromQuery ?? cookie(request, COOKIE);
        const decision = token ? await access(token) : 'unauthenticated';
        if (decision !== 'allow') return refuse(reply, decision);
        if (fromQuery) {
          const secure = request.protocol === 'https' ? '; Secure' : '';
          return reply
            .code(302)
            .header('set-cookie', `${COOKIE}=${fromQuery}; Path=${DASHBOARD_PATH}; HttpOnly; SameSite=Strict${secure}`)
            .header('location', DASHBOARD_PATH)
            .send();
        }
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
      : `队列面板需要管理员的访问令牌：Authorization: Bearer <token>，或在浏览器中打开 ${DASHBOARD_PATH}?token=<token>`;
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
