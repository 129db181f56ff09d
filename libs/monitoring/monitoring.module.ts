import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module.js';
import { StateGauges } from './state-gauges.js';

/** What the metrics read when scraped; imported by the API and the worker (one instance when they share a process). */
@Module({ imports: [CalendarModule], providers: [StateGauges] })
export class MonitoringModule {}
