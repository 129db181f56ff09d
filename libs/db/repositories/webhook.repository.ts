import { Injectable } from '@nestjs/common';
import { DepartmentWebhookEntity } from '../entities/department-webhook.entity.js';
import { Transactions } from '../transaction.js';

export type WebhookSettings = Pick<DepartmentWebhookEntity, 'departmentCode' | 'kind' | 'url' | 'enabled' | 'updatedBy'>;

/** Departments' group robots (one per department). */
@Injectable()
export class WebhookRepository {
  constructor(private readonly tx: Transactions) {}

  get(departmentCode: string): Promise<DepartmentWebhookEntity | null> {
    return this.tx.manager().getRepository(DepartmentWebhookEntity).findOneBy({ departmentCode });
  }

  /** The robot of `departmentCode`, locked until the transaction ends (so its audit entry's `before` is what it replaced). */
  lockForUpdate(departmentCode: string): Promise<DepartmentWebhookEntity | null> {
    return this.tx
      .manager()
      .getRepository(DepartmentWebhookEntity)
      .findOne({ where: { departmentCode }, lock: { mode: 'pessimistic_write' } });
  }

  async upsert(settings: WebhookSettings): Promise<DepartmentWebhookEntity> {
    await this.tx.manager().query(
      `INSERT INTO department_webhook (department_code, kind, url, enabled, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, now())
       ON CONFLICT (department_code) DO UPDATE SET kind = EXCLUDED.kind, url = EXCLUDED.url, enabled = EXCLUDED.enabled,
         updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [settings.departmentCode, settings.kind, settings.url, settings.enabled, settings.updatedBy],
    );
    return (await this.get(settings.departmentCode))!;
  }

  /** False when the department had no robot. */
  async remove(departmentCode: string): Promise<boolean> {
    const result = await this.tx.manager().getRepository(DepartmentWebhookEntity).delete({ departmentCode });
    return (result.affected ?? 0) > 0;
  }
}
