import { type DynamicModule, Global, Module } from '@nestjs/common';
import { DeliveryQueue } from '../notifications/delivery-queue.js';
import { ReportQueue } from '../assessment/report-queue.js';
import { BullDeliveryQueue } from './bull-delivery-queue.js';
import { BullReportQueue } from './bull-report-queue.js';
import { QueueConnection, type QueueSettings } from './queue-connection.js';

/**
 * The queue transport (BullMQ on Redis, or on PostgreSQL without REDIS_URL):
 * the connection and the producers. Workers are started by the worker app.
 */
@Global()
@Module({})
export class QueueModule {
  static forRoot(settings: QueueSettings): DynamicModule {
    return {
      module: QueueModule,
      providers: [
        {
          provide: QueueConnection,
          useFactory: async () => {
            const connection = new QueueConnection(settings);
            try {
              await connection.open();
            } catch (error) {
              await connection.close();
              throw error;
            }
            return connection;
          },
        },
        { provide: DeliveryQueue, useClass: BullDeliveryQueue },
        { provide: ReportQueue, useClass: BullReportQueue },
      ],
      exports: [QueueConnection, DeliveryQueue, ReportQueue],
    };
  }
}
