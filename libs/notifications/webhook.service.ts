import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { InvalidInputError, NotFoundError } from '../common/errors.js';
import type { Actor } from '../common/roles.js';
import type { DepartmentWebhookEntity } from '../db/entities/department-webhook.entity.js';
import { DepartmentRepository } from '../db/repositories/department.repository.js';
import { WebhookRepository } from '../db/repositories/webhook.repository.js';
import { Transactions } from '../db/transaction.js';
import { AppConfig } from '../config/app-config.js';
import { maskSecrets, type WebhookKind } from '../webhook/webhook-driver.js';
import { WebhookPolicy, WebhookRefused } from '../webhook/webhook-policy.js';
import { NOTIFICATION_MESSAGES } from './notifications.messages.js';

export interface WebhookView {
  departmentCode: string;
  kind: string;
  url: string;
  enabled: boolean;
  updatedAt: Date;
}

/** A department's group robot, set by administrators; every change is audited (with the URL's key masked). */
@Injectable()
export class WebhookService {
  constructor(
    private readonly webhooks: WebhookRepository,
    private readonly departments: DepartmentRepository,
    private readonly audit: AuditService,
    private readonly tx: Transactions,
    private readonly policy: WebhookPolicy,
    private readonly config: AppConfig,
  ) {}

  async get(departmentCode: string): Promise<WebhookView> {
    await this.department(departmentCode);
    const robot = await this.webhooks.get(departmentCode);
    if (!robot) throw new NotFoundError(NOTIFICATION_MESSAGES.noRobot(departmentCode));
    return view(robot);
  }

  async set(actor: Actor, departmentCode: string, input: { kind: WebhookKind; url: string; enabled?: boolean }): Promise<WebhookView> {
    await this.department(departmentCode);
    // The checks each send makes, made now, so that the administrator learns of a refused robot at once.
    try {
      await this.policy.resolve(input.url, AbortSignal.timeout(this.config.WEBHOOK_TIMEOUT_MS));
    } catch (error) {
      if (error instanceof WebhookRefused) throw new InvalidInputError(error.message);
      const code = (error as NodeJS.ErrnoException).code;
      throw new InvalidInputError(NOTIFICATION_MESSAGES.unresolvableHost(code ?? (error as Error).message));
    }
    return this.tx.run(async () => {
      await this.department(departmentCode);
      const before = await this.webhooks.lockForUpdate(departmentCode);
      const saved = await this.webhooks.upsert({ departmentCode, kind: input.kind, url: input.url, enabled: input.enabled ?? true, updatedBy: actor.id });
      await this.audit.record({
        actorId: actor.id,
        action: 'webhook.set',
        entityType: 'department_webhook',
        entityId: departmentCode,
        before: before ? auditable(before) : null,
        after: auditable(saved),
      });
      return view(saved);
    });
  }

  async remove(actor: Actor, departmentCode: string): Promise<void> {
    await this.tx.run(async () => {
      await this.department(departmentCode);
      const before = await this.webhooks.lockForUpdate(departmentCode);
      if (!before) throw new NotFoundError(NOTIFICATION_MESSAGES.noRobot(departmentCode));
      await this.webhooks.remove(departmentCode);
      await this.audit.record({
        actorId: actor.id,
        action: 'webhook.remove',
        entityType: 'department_webhook',
        entityId: departmentCode,
        before: auditable(before),
      });
    });
  }

  private async department(code: string): Promise<void> {
    if ((await this.departments.unknownCodes([code])).length > 0) throw new NotFoundError(NOTIFICATION_MESSAGES.departmentNotFound(code));
  }
}

function view(robot: DepartmentWebhookEntity): WebhookView {
  return { departmentCode: robot.departmentCode, kind: robot.kind, url: robot.url, enabled: robot.enabled, updatedAt: robot.updatedAt };
}

/** The audit log is append-only: it keeps the robot's address but not its secret (`key=`, `access_token=`…). */
function auditable(robot: DepartmentWebhookEntity) {
  return { kind: robot.kind, url: maskSecrets(robot.url), enabled: robot.enabled };
}
