import { JwtService } from '@nestjs/jwt';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { decide } from '../../libs/auth/permissions.js';
import type { Actor } from '../../libs/common/roles.js';
import { QueueConnection } from '../../libs/queue/queue-connection.js';
import { registerQueueDashboard } from '../../libs/queue/queue-dashboard.js';
import { QueueName } from '../../libs/queue/queue-names.js';

/** Mounts Bull Board at /admin/queues, open to holders of the `queue.dashboard` permission (administrators). */
export async function mountQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const connection = app.get(QueueConnection);
  const jwt = app.get(JwtService);
  await registerQueueDashboard(app.getHttpAdapter().getInstance(), Object.values(QueueName).map((name) => connection.queue(name)), async (token) => {
    let claims: { sub: string; email: string; name: string; role: Actor['role']; dept: string | null };
    try {
      claims = await jwt.verifyAsync(token);
    } catch {
      return 'unauthenticated';
    }
    const actor: Actor = { id: claims.sub, email: claims.email, name: claims.name, role: claims.role, departmentCode: claims.dept };
    return decide(actor, 'queue.dashboard') === 'allow' ? 'allow' : 'forbidden';
  });
}
