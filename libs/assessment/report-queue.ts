/**
 * Transport for recorded report rows (`assessment_report`): the job carries the
 * row's id; the row holds the status, progress and file. Implemented on BullMQ.
 */
export abstract class ReportQueue {
  /** Queues the rows; must not throw when the queue is unreachable (the worker re-queues rows left `queued`). */
  abstract enqueue(reportIds: string[]): Promise<void>;
}
