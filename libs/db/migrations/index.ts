import { AuditAppendOnlyAndArrayIndex1795948660800 } from './1795948660800-AuditAppendOnlyAndArrayIndex.js';
import { Reminders1795950345215 } from './1795950345215-Reminders.js';
import { Initial1795948660765 } from './1795948660765-Initial.js';
import { Indicators1795949158647 } from './1795949158647-Indicators.js';
import { Assessment1795957029482 } from './1795957029482-Assessment.js';
import { DashboardIndexes1795958701363 } from './1795958701363-DashboardIndexes.js';
import { OpenCoDepartmentsIndex1795962825168 } from './1795962825168-OpenCoDepartmentsIndex.js';
import { TaskDepartment1795969213996 } from './1795969213996-TaskDepartment.js';
import { DropOpenCoDepartmentsIndex1795972000000 } from './1795972000000-DropOpenCoDepartmentsIndex.js';
import { DepartmentAliases1796433102487 } from './1796433102487-DepartmentAliases.js';
import { Notices1796433758590 } from './1796433758590-Notices.js';
import { TaskOwningSupervisor1796434330807 } from './1796434330807-TaskOwningSupervisor.js';
import { SignOffCancel1796471270085 } from './1796471270085-SignOffCancel.js';
import { ReportingCycles1796473131107 } from './1796473131107-ReportingCycles.js';
import { EventNotifications1796473881164 } from './1796473881164-EventNotifications.js';
import { TaskComments1796474404752 } from './1796474404752-TaskComments.js';
import { AccountSessions1796476046188 } from './1796476046188-AccountSessions.js';
import { AuditReview1796484706179 } from './1796484706179-AuditReview.js';
import { SessionTickets1796485644148 } from './1796485644148-SessionTickets.js';
import { CoDepartmentReports1796507324659 } from './1796507324659-CoDepartmentReports.js';
import { TaskPlan1796520000000 } from './1796520000000-TaskPlan.js';
import { TaskCarryOver1796522015847 } from './1796522015847-TaskCarryOver.js';
import { PlanEvaluation1796507717125 } from './1796507717125-PlanEvaluation.js';
import { OpenEndedTasks1796508000000 } from './1796508000000-OpenEndedTasks.js';
import { FiledPeriodsIndex1796530000000 } from './1796530000000-FiledPeriodsIndex.js';
import { LargeText1796551598801 } from './1796551598801-LargeText.js';

/** Every migration, in order. A new one is generated with `npm run migration:generate -- Name`. */
export const MIGRATIONS = [
  Initial1795948660765,
  AuditAppendOnlyAndArrayIndex1795948660800,
  Indicators1795949158647,
  Reminders1795950345215,
  Assessment1795957029482,
  DashboardIndexes1795958701363,
  OpenCoDepartmentsIndex1795962825168,
  TaskDepartment1795969213996,
  DropOpenCoDepartmentsIndex1795972000000,
  DepartmentAliases1796433102487,
  Notices1796433758590,
  TaskOwningSupervisor1796434330807,
  SignOffCancel1796471270085,
  ReportingCycles1796473131107,
  EventNotifications1796473881164,
  TaskComments1796474404752,
  AccountSessions1796476046188,
  AuditReview1796484706179,
  SessionTickets1796485644148,
  CoDepartmentReports1796507324659,
  PlanEvaluation1796507717125,
  OpenEndedTasks1796508000000,
  TaskPlan1796520000000,
  TaskCarryOver1796522015847,
  FiledPeriodsIndex1796530000000,
  LargeText1796551598801,
];
