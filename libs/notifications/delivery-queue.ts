/**
 * Transport for recorded deliveries: the job id is the delivery row's id, so
 * enqueuing a delivery that is already queued does nothing. Implemented on BullMQ.
 */
export abstract class DeliveryQueue {
  /** Queues the deliveries; must not throw when the queue is unreachable (recovery re-enqueues later). */
  abstract enqueue(deliveryIds: string[]): Promise<void>;
}
