/**
 * The queues and jobs duban runs, and what each job carries. The string values
 * are on the wire (Redis keys, PostgreSQL rows): never change one once shipped.
 */
export enum QueueName {
  Reminders = 'reminders',
  Delivery = 'delivery',
}

export enum JobName {
  /** Look for ladder steps now due, record them, queue their deliveries, then re-queue what was left pending. */
  Sweep = 'sweep',
  /** Send one recorded delivery row. */
  Deliver = 'deliver',
  /** Render one recorded assessment report row (workbook or HTML), writing its progress and file into the row. */
  AssessmentReport = 'assessment-report',
}

/** Every job, by name, with its payload: ids only, the database holds the rest. */
export type JobPayload =
  | { name: JobName.Sweep; data: Record<string, never> }
  | { name: JobName.Deliver; data: { deliveryId: string } }
  | { name: JobName.AssessmentReport; data: { reportId: string } };

export type PayloadOf<N extends JobName> = Extract<JobPayload, { name: N }>['data'];

/** The queue each job travels on. */
export const QUEUE_OF: { readonly [N in JobName]: QueueName } = {
  [JobName.Sweep]: QueueName.Reminders,
  [JobName.Deliver]: QueueName.Delivery,
  // The queue of the periodic sweep (concurrency 1) also renders report files: with the
  // PostgreSQL backend every queue costs each worker process its own pool and LISTEN
  // connection, and a report now and then can wait for a sweep (and delay one by seconds).
  [JobName.AssessmentReport]: QueueName.Reminders,
};

/** The one job scheduler of the reminders queue. */
export const SWEEP_SCHEDULER_ID = 'reminder-sweep';
