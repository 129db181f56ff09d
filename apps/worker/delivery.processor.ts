import { Injectable } from '@nestjs/common';
import { DeliveryRetry, DeliveryService } from '../../libs/notifications/delivery.service.js';
import { type JobHandler, PermanentJobError, RetryableJobError } from '../../libs/queue/job-handler.js';
import { JobName, type PayloadOf } from '../../libs/queue/queue-names.js';

/** `deliver`: sends one delivery row; a failure is retried with backoff until the row is given up. */
@Injectable()
export class DeliveryProcessor implements JobHandler<JobName.Deliver> {
  readonly jobName = JobName.Deliver;

  constructor(private readonly deliveries: DeliveryService) {}

  async handle({ deliveryId }: PayloadOf<JobName.Deliver>): Promise<void> {
    let outcome;
    try {
      outcome = await this.deliveries.deliver(deliveryId);
    } catch (error) {
      if (error instanceof DeliveryRetry) throw new RetryableJobError(error.message, error.giveUpAt);
      throw error;
    }
    // Given up: the row says failed; the job fails too, without retry, so the dashboard shows it.
    if (outcome === 'gave-up') throw new PermanentJobError(`消息 ${deliveryId} 已放弃发送`);
  }
}
