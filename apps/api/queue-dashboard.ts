import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AuthService } from '../../libs/auth/auth.service.js';
import { decide } from '../../libs/auth/permissions.js';
import type { Actor } from '../../libs/common/roles.js';
import { QueueConnection } from '../../libs/queue/queue-connection.js';
import { registerQueueDashboard } from '../../libs/queue/queue-dashboard.js';
import { QueueName } from '../../libs/queue/queue-names.js';

/** Mounts Bull Board at /admin/queues, open to holders of the `queue.dashboard` permission (administrators). */
export async function mountQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const connection = app.get(QueueConnection);
  const auth = app.get(AuthService);
  await registerQueueDashboard(
    app.getHttpAdapter().getInstance(),
    Object.values(QueueName).map((name) => connection.queue(name)),
    async (token) => {
      let actor: Actor;
      try {
        actor = await auth.actorOf(token);
      } catch {
        return 'unauthenticated';
      }
      return decide(actor, 'queue.dashboard') === 'allow' ? 'allow' : 'forbidden';
    },
  );
}
