import { Injectable } from '@nestjs/common';
import { DeliveryRecovery } from '../../libs/notifications/delivery-recovery.service.js';
import { ReminderSweep } from '../../libs/notifications/reminder-sweep.service.js';
import type { JobHandler } from '../../libs/queue/job-handler.js';
import { JobName } from '../../libs/queue/queue-names.js';

/** `sweep` (every REMINDER_SWEEP_MS): records the ladder steps now due, then re-queues whatever is still waiting to be sent. */
@Injectable()
export class SweepProcessor implements JobHandler<JobName.Sweep> {
  readonly jobName = JobName.Sweep;

  constructor(
    private readonly sweep: ReminderSweep,
    private readonly recovery: DeliveryRecovery,
  ) {}

  async handle(): Promise<void> {
    try {
      await this.sweep.run();
    } finally {
      // Even when the sweep failed: what was recorded earlier must still go out.
      await this.recovery.recover();
    }
  }
}
