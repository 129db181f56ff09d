import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AuthService } from '../../libs/auth/auth.service.js';
import { decide } from '../../libs/auth/permissions.js';
import { SessionTicketService } from '../../libs/auth/session-ticket.service.js';
import { DomainError, ForbiddenError } from '../../libs/common/errors.js';
import { AppConfig } from '../../libs/config/app-config.js';
import { QueueConnection } from '../../libs/queue/queue-connection.js';
import { type DashboardDecision, registerQueueDashboard } from '../../libs/queue/queue-dashboard.js';
import { QueueName } from '../../libs/queue/queue-names.js';

/** Mounts Bull Board at /admin/queues, open to holders of the `queue.dashboard` permission (administrators). */
export async function mountQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const connection = app.get(QueueConnection);
  const auth = app.get(AuthService);
  const tickets = app.get(SessionTicketService);
  const config = app.get(AppConfig);
  await registerQueueDashboard(
    app.getHttpAdapter().getInstance(),
    Object.values(QueueName).map((name) => connection.queue(name)),
    {
      byToken: (token) => decided(async () => decide(await auth.actorOf(token), 'queue.dashboard', undefined, auth.duties)),
      byCookie: (secret) => decided(() => tickets.actorOfCookie(secret, 'queue.dashboard').then(() => 'allow' as const)),
      async exchange(ticket, ip) {
        let cookie: string | undefined;
        const decision = await decided(async () => {
          cookie = (await tickets.exchange(ticket, 'queue.dashboard', ip)).cookie;
          return 'allow' as const;
        });
        return { decision, cookie };
      },
    },
    config.QUEUE_DASHBOARD_WRITES === 'true',
  );
}

/** A refusal as the dashboard's decision; anything else (the database down) is thrown on. */
async function decided(check: () => Promise<'allow' | 'forbidden' | 'not_found'>): Promise<DashboardDecision> {
  try {
    return (await check()) === 'allow' ? 'allow' : 'forbidden';
  } catch (error) {
    if (error instanceof ForbiddenError) return 'forbidden';
    if (error instanceof DomainError) return 'unauthenticated';
    throw error;
  }
}
