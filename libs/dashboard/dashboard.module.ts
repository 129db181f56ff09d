import { Module } from '@nestjs/common';
import { TasksModule } from '../tasks/tasks.module.js';
import { DashboardService } from './dashboard.service.js';

/** The supervisors' overview and the 通报 workbook. */
@Module({ imports: [TasksModule], providers: [DashboardService], exports: [DashboardService] })
export class DashboardModule {}
