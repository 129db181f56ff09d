// Generated from the API's OpenAPI document (/api/docs-json) by `npm run api:types`; do not edit by hand.

export interface paths {
  '/api/v1/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 登录，取得访问令牌 */
    post: operations['AuthController_login'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 退出：ends the session the token names; the token answers 401 from the next request on, on every process */
    post: operations['AuthController_logout'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 修改密码: the current password and a new one by the rule (400 naming it); every session of the user ends, this one included */
    post: operations['AuthController_changePassword'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/preferences': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * 显示设置 (大字模式)
     * @description The caller's own display settings, kept with the account: GET /me and the login answer return them (`largeText`), so the console shows 大字模式 on every computer and phone the user signs in on. The whole set is sent (`largeText` required; another field or a non-boolean is 400 naming it, and changes nothing). A change is audited (`user.preferences`, before and after); sending the value already held records nothing. Allowed while a password change is required, like /me and /me/password: the 修改密码 screen shows the switch.
     */
    put: operations['AuthController_setPreferences'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AuthController_me'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['UsersController_list'];
    put?: never;
    /** 开户: with a password (by the rule) or without one (a temporary password is drawn and returned once); the first sign-in must change it */
    post: operations['UsersController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/directory': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Active users by name, for choosing an assignee or an owning supervisor: `[{id, name, role, departmentCode}]` (no email or state) */
    get: operations['UsersController_directory'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** 账号变更 with the version read: a deactivation, a role or a department change ends the user's sessions at once */
    patch: operations['UsersController_update'];
    trace?: never;
  };
  '/api/v1/users/{id}/reset-password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A temporary password, shown once: `{temporaryPassword}`; the user must change it after signing in (403 password_change_required elsewhere); its sessions end */
    post: operations['UsersController_resetPassword'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/import/template.xlsx': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** the 批量开户 template: 姓名, 邮箱, 角色, 所属部门, with drop-down lists of roles and departments */
    get: operations['UsersController_importTemplate'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 批量开户 from a workbook (姓名, 邮箱, 角色 by Chinese name or code, 所属部门 by name or code): dryRun=true (default) only checks; a file with any error opens no account (422 with the same report). Each account gets a temporary password, returned once in `users[].temporaryPassword`, to be changed at the first sign-in */
    post: operations['UsersController_import'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/departments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['PlanController_departments'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/plans': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['PlanController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/plans/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['PlanController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/plans/{id}/carry-over': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 结转: move open tasks of this plan into another plan, all or nothing, with their history, progress, evidence, comments and reminder ladder. taskIds absent: every open task; named tasks take their open sub-tasks along (completed and cancelled sub-tasks stay). A task's clause reference becomes the same ref in the new plan when it has one, else null (the old one is kept in the move record). The old plan's evaluation as of any day before the move is unchanged: it counts the task until the move and as 结转 (carriedOver) from then on; the new plan counts it from the move. A seed re-import of the old plan leaves carried tasks where they went. Audited per task (task.carry_over) and on both plans (plan.carry_over). 400 malformed body; 404 unknown plan, or named tasks not in this plan; 409 the same plan, completed or cancelled tasks named, or a sub-task named without its open parent (each named in the message) */
    post: operations['PlanController_carryOver'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/plans/{id}/carry-overs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** the tasks carried over (结转) out of this plan and into it, latest first; 404 for an unknown plan */
    get: operations['PlanController_carryOvers'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tasks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['TasksController_list'];
    put?: never;
    post: operations['TasksController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/report-slots/owed': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 本月待报: report periods (定期报送) of open tasks not filed and due by the end of this month, or missed — the caller’s department’s, or `department`’s; soonest deadline first */
    get: operations['TasksController_reportsOwed'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tasks/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['TasksController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch: operations['TasksController_update'];
    trace?: never;
  };
  '/api/v1/tasks/{id}/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['TasksController_accept'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tasks/{id}/progress': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['TasksController_progress'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tasks/{id}/evidence': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['TasksController_upload'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tasks/{id}/evidence/{evidenceId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['TasksController_download'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tasks/{id}/submit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['TasksController_submit'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tasks/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['TasksController_approve'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tasks/{id}/return': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['TasksController_giveBack'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tasks/{id}/sign-off': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['TasksController_signOff'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tasks/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['TasksController_cancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tasks/{id}/reopen': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['TasksController_reopen'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tasks/{id}/extension-requests': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['TasksController_request'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/extension-requests/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['TasksController_approveExtension'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/extension-requests/{id}/endorse': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['TasksController_endorseExtension'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/extension-requests/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['TasksController_rejectExtension'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tasks/{id}/report-slots': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['TasksController_reportSlots'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tasks/{id}/co-report-slots': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 配合单位反馈: on a task with coDepartmentsReport, each co-department's report periods, its latest report and the periods it missed — every co-department for the lead department and supervisors, its own for a co-department; [] otherwise. A co-department files a period with POST /tasks/:id/progress {period} as its own liaison; its filing never fills the lead's period. */
    get: operations['TasksController_coReportSlots'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tasks/{id}/comments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['TasksController_comments'];
    put?: never;
    post: operations['TasksController_comment'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tasks/{id}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['TasksController_history'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/indicators': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['IndicatorsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/indicators/{code}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['IndicatorsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/indicators/{code}/values': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['IndicatorsController_report'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/notifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['NotificationsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/notifications/unread-count': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** How many of the caller’s notifications are unread: `{count}` (the console’s badge) */
    get: operations['NotificationsController_unreadCount'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/notifications/preferences': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Which kinds of notification reach the caller by mail (in-app always): `{kinds: [{kind, label, mail}]}` */
    get: operations['NotificationsController_preferences'];
    /** Turns mail off for the kinds named in `mailOff` (and on for the others); the caller’s own choice, audited */
    put: operations['NotificationsController_setPreferences'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/notifications/read-all': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Marks every unread notification of the caller read: `{marked}` */
    post: operations['NotificationsController_markAllRead'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/notifications/{id}/read': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Marks one of the caller’s notifications read (again: keeps the first time); another user’s is 404 */
    post: operations['NotificationsController_markRead'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['HealthController_check'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/calendar/days': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['CalendarController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/calendar/coverage': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['CalendarController_coverage'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/calendar/days/{date}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** enter or correct a day (admin, audited as calendar.set); wins over the package */
    put: operations['CalendarController_set'];
    post?: never;
    /** remove an administrator's entry (audited as calendar.remove); 404 when there is none */
    delete: operations['CalendarController_remove'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/departments/{code}/webhook': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['WebhooksController_get'];
    put: operations['WebhooksController_set'];
    post?: never;
    delete: operations['WebhooksController_remove'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['DeliveriesController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/assessments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AssessmentsController_list'];
    put?: never;
    /** open the cycle of a year (409 when it exists); audited as assessment.open */
    post: operations['AssessmentsController_open'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/assessments/{year}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AssessmentsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/assessments/{year}/departments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** every department’s metrics, computed score, reviewer scores and final score, ranked (a finalised cycle from its snapshot) */
    get: operations['AssessmentsController_departments'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/assessments/{year}/departments/{code}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** score a department (reviewer); a revision names its version; 409 on a finalised cycle; audited */
    put: operations['AssessmentsController_score'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/assessments/{year}/finalize': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** lock the cycle and freeze its report (metrics, scores, ranking, tasks, indicators) */
    post: operations['AssessmentsController_finalize'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/assessments/{year}/report.xlsx': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** the year’s workbook; a large one is built by a job: 202 with the job to poll (Location) */
    get: operations['AssessmentsController_workbook'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/assessments/{year}/report.html': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** the year’s report as one HTML page with charts; a large one is built by a job: 202 with the job to poll */
    get: operations['AssessmentsController_html'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/assessments/{year}/reports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** build a report file in the worker; poll GET …/reports/:id, then download …/reports/:id/file */
    post: operations['AssessmentsController_request'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/assessments/{year}/reports/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AssessmentsController_status'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/assessments/{year}/reports/{id}/file': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** the finished file (409 while it is being built) */
    get: operations['AssessmentsController_reportFile'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/plans/{id}/evaluation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** the plan as of the end of asOf: every indicator (latest value, achieved, progress, pace), tasks by chapter and section, open problems by department, totals; a finalised evaluation from its frozen numbers. 400 for a malformed asOf or one before the plan starts, 404 for an unknown plan */
    get: operations['EvaluationController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/plans/{id}/evaluation.xlsx': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** the evaluation as a workbook (规划指标完成情况表, tasks by chapter, problems, findings); rendered in the request */
    get: operations['EvaluationController_workbook'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/plans/{id}/evaluation.html': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** the evaluation as one printable HTML page with charts; rendered in the request */
    get: operations['EvaluationController_html'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/plans/{id}/evaluations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** the saved evaluations of the plan, latest day first */
    get: operations['EvaluationController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/plans/{id}/evaluations/{asOf}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** write the findings and measures of the evaluation as of asOf, kept with the numbers as they stand; 409 once finalised; audited */
    put: operations['EvaluationController_save'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/plans/{id}/evaluations/{asOf}/finalize': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** freeze the evaluation: its numbers and text; 404 when nothing was saved for the day, 409 when already finalised; audited */
    post: operations['EvaluationController_finalize'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/dashboard': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * per department: totals by status, overdue, due soon, light, on-time rate by month, reports due this month and missed; indicators’ pace (序时进度)
     * @description Scoped: a liaison or leader sees its own department; supervisors, reviewers and admins every department. Counted by lead department.
     */
    get: operations['DashboardController_summary'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/dashboard/bulletin': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 通报: departments ranked by overdue and escalated open work, then those with only missed reports (逾期未报), with their worst tasks */
    get: operations['DashboardController_bulletin'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/dashboard/bulletin.xlsx': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** the 通报 as a workbook: sheets 通报 and 任务明细, header rows frozen; the file name 督办通报-<date>.xlsx (RFC 5987) */
    get: operations['DashboardController_bulletinWorkbook'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/calendar-feed': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['CalendarFeedController_status'];
    put?: never;
    /** make a new feed URL (the previous one stops working); audited as calendar-feed.create */
    post: operations['CalendarFeedController_create'];
    /** revoke the feed URL (audited as calendar-feed.revoke); 204 also when there is none */
    delete: operations['CalendarFeedController_revoke'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/feeds/{file}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * a user's deadlines as iCalendar (text/calendar), for calendar apps
     * @description No bearer token (calendar apps cannot send one): the random token in the path is the credential, made by POST /api/v1/me/calendar-feed. One all-day event per open task on its due date (DTSTART;VALUE=DATE), UID task-<id>@duban, reminders at 09:00 the day before and on the day. A liaison or leader gets the open tasks its department leads or co-operates on; supervisors, reviewers and admins every open task. A revoked, unknown or malformed token is 404, the same answer for each. `?plan=` (a plan id or code) keeps one plan’s tasks; an unknown plan is 404 naming it.
     */
    get: operations['CalendarFeedController_feed'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tasks/bulk': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** change the due date, assignee or co-departments of many tasks at once: all or nothing; each task with the version read (a stale one is 409 and nothing changes); audited per task */
    post: operations['TaskExcelController_bulk'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tasks/{id}/notice.html': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** a printable A4 督办通知单 (kind=supervise) or 催办通知单 (kind=urge, naming days overdue and reminders sent); numbered per kind and year, once per task, kind and day; audited */
    get: operations['TaskExcelController_notice'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tasks.xlsx': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** every task GET /tasks lists with the same filters (no paging), as a workbook: Chinese headers, light, days overdue, department names, progress, last report; streamed */
    get: operations['TaskExcelController_export'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tasks/import/template.xlsx': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** the 分工表 template: Chinese headers, an example, a 部门列表 sheet and drop-down lists of departments */
    get: operations['TaskExcelController_template'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tasks/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** import a 分工表 (.xlsx): with dryRun=true only checks and previews; a file with any error imports nothing (422 with the same report) */
    post: operations['TaskExcelController_import'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** audit entries, newest first, filtered by actor (id, email or name), action (or `domain.*`), entity, entityId and days from/to */
    get: operations['AuditController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/audit.xlsx': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** every entry GET /audit lists with the same filters, as a workbook (审计日志), streamed; the export itself is audited (report.download) */
    get: operations['AuditController_export'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/audit/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** walks the whole hash chain now (as `npm run audit:verify`): entries checked and the first broken link, or null */
    get: operations['AuditController_verify'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/queue-dashboard/ticket': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** a link to Bull Board (/admin/queues) with a single-use ticket valid for a minute; opening it sets an HttpOnly cookie on the dashboard's path that lasts while the caller's session does (audited: queue.dashboard.open) */
    post: operations['QueueDashboardController_ticket'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/metrics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Prometheus metrics (text format 0.0.4): duban_http_requests_total, duban_http_request_duration_seconds, duban_deliveries{status,channel}, duban_reminder_sweep_duration_seconds, duban_reminder_sweep_lag_seconds, duban_queue_jobs{queue,state}, duban_tasks{status}, duban_tasks_overdue, …; `Authorization: Bearer METRICS_TOKEN` when that is set (401 otherwise) */
    get: operations['MetricsController_scrape'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    LoginDto: {
      /** @example admin@duban.local */
      email: string;
      /** @example change-me-please */
      password: string;
    };
    SignedInUserDto: {
      id: string;
      email: string;
      name: string;
      /** @enum {string} */
      role: 'admin' | 'supervisor' | 'leader' | 'liaison' | 'reviewer' | 'auditor' | 'security_admin';
      departmentCode: string | null;
      /**
       * @description what the caller's role may do: each permission of the access table it holds, with its task scope (visible: a task of its departments; member: one its department leads or co-operates on; lead: one its department leads; any: not about one task). The console offers only these; the API applies the same table
       * @example {
       *       "task.read": "visible",
       *       "task.submit": "lead",
       *       "notification.list": "any"
       *     }
       */
      permissions: {
        [key: string]: 'any' | 'visible' | 'member' | 'lead';
      };
      /** @description holding a temporary password (after a reset): every route but /me, /me/password, /me/preferences and logout answers 403 password_change_required */
      mustChangePassword: boolean;
      /** @description 大字模式 (适老化), the user's own choice kept with the account (PUT /me/preferences): the console shows it on every computer and phone the user signs in on */
      largeText: boolean;
    };
    LoginResultDto: {
      accessToken: string;
      user: components['schemas']['SignedInUserDto'];
    };
    LoggedOutDto: {
      /** @enum {boolean} */
      loggedOut: true;
    };
    ChangePasswordDto: {
      currentPassword: string;
      /** @description by the password rule (PASSWORD_MIN_LENGTH, three classes, not common, not the email local part) */
      newPassword: string;
    };
    PasswordChangedDto: {
      /** @enum {boolean} */
      changed: true;
    };
    PreferencesDto: {
      /**
       * @description 大字模式 (适老化): text from 14 to 18 px and controls from 32 to 44 px high in the console
       * @example true
       */
      largeText: boolean;
    };
    AccountDto: {
      id: string;
      email: string;
      name: string;
      /** @enum {string} */
      role: 'admin' | 'supervisor' | 'leader' | 'liaison' | 'reviewer' | 'auditor' | 'security_admin';
      departmentCode: string | null;
      /** @description false: deactivated (cannot sign in) */
      active: boolean;
      /** @description send it back with PATCH: a stale one is 409 */
      version: number;
    };
    AccountPageDto: {
      items: components['schemas']['AccountDto'][];
      /** @description items matching, on every page */
      total: number;
      page: number;
      limit: number;
    };
    DirectoryEntryDto: {
      /** Format: uuid */
      id: string;
      name: string;
      /** @enum {string} */
      role: 'admin' | 'supervisor' | 'leader' | 'liaison' | 'reviewer' | 'auditor' | 'security_admin';
      departmentCode: string | null;
    };
    UpdateUserDto: {
      name?: string;
      /** @enum {string} */
      role?: 'admin' | 'supervisor' | 'leader' | 'liaison' | 'reviewer' | 'auditor' | 'security_admin';
      /** @description a department code (leaders and liaisons) */
      departmentCode?: string;
      /** @description false: deactivated (cannot sign in; its sessions end) */
      active?: boolean;
      /** @description the version read; a stale one is 409 */
      version?: number;
    };
    TemporaryPasswordDto: {
      /** @description shown this once; to be changed at the next sign-in */
      temporaryPassword: string;
    };
    UserImportProblemDto: {
      row: number;
      /** @example 邮箱 */
      column: string;
      message: string;
    };
    ImportedUserDto: {
      row: number;
      name: string;
      email: string;
      /** @enum {string|null} */
      role: 'admin' | 'supervisor' | 'leader' | 'liaison' | 'reviewer' | 'auditor' | 'security_admin' | null;
      departmentCode: string | null;
      /** @description once the account exists (not on a dry run): shown this once */
      temporaryPassword?: string;
    };
    UserImportReportDto: {
      dryRun: boolean;
      rows: number;
      created: number;
      errors: components['schemas']['UserImportProblemDto'][];
      users: components['schemas']['ImportedUserDto'][];
      /** @description with errors (422): the first of them, in a sentence */
      message?: string;
    };
    CreateUserDto: {
      /** @example liaison@finance.taixing.gov.cn */
      email: string;
      /** @example 王芳 */
      name: string;
      /** @description PASSWORD_MIN_LENGTH (10) characters or more, of three of lower/upper/digit/symbol, not a common password, not containing the email local part (400 naming the rule). Omitted: a temporary password is drawn and returned once as `temporaryPassword` */
      password?: string;
      /**
       * @description the first sign-in must change the password (403 password_change_required elsewhere until then); always true for a drawn one
       * @default true
       */
      mustChangePassword: boolean;
      /** @enum {string} */
      role: 'admin' | 'supervisor' | 'leader' | 'liaison' | 'reviewer' | 'auditor' | 'security_admin';
      /**
       * @description required for leader and liaison
       * @example finance
       */
      departmentCode?: string;
    };
    CreatedUserDto: {
      id: string;
      email: string;
      name: string;
      /** @enum {string} */
      role: 'admin' | 'supervisor' | 'leader' | 'liaison' | 'reviewer' | 'auditor' | 'security_admin';
      departmentCode: string | null;
      mustChangePassword: boolean;
      /** @description the drawn temporary password, when none was given: shown this once */
      temporaryPassword?: string;
    };
    DutyDto: {
      /** @example duty-finance */
      code: string;
      /** @example 七(二)财政部门 */
      clauseRef: string | null;
      text: string;
    };
    DepartmentDto: {
      /** @example finance */
      code: string;
      /** @example 市财政局 */
      name: string;
      /** @description its duties' text under the plan's 七(二) */
      duties: string[];
      /** @description the same duties with their codes and clauses */
      dutyDetails: components['schemas']['DutyDto'][];
    };
    PlanDto: {
      /** Format: uuid */
      id: string;
      /** @example taixing-14th */
      code: string;
      title: string;
      /** @example 2021 */
      startYear: number;
      /** @example 2025 */
      endYear: number;
      /** @example Asia/Shanghai */
      timezone: string;
      preamble: string;
      /** Format: date-time */
      createdAt: string;
      /** @description the current plan: the one a task made by hand joins when it names neither a plan nor a clause (CURRENT_PLAN, by default the plan whose period starts last); the console starts on it */
      current: boolean;
    };
    PlanClauseDto: {
      /** @example 七(二)财政部门 */
      ref: string;
      text: string;
    };
    PlanSectionDto: {
      /** @example 七(二) */
      code: string;
      /** @example 七 */
      parentCode: string | null;
      title: string;
      text: string;
      clauses: components['schemas']['PlanClauseDto'][];
    };
    PlanDetailDto: {
      /** Format: uuid */
      id: string;
      /** @example taixing-14th */
      code: string;
      title: string;
      /** @example 2021 */
      startYear: number;
      /** @example 2025 */
      endYear: number;
      /** @example Asia/Shanghai */
      timezone: string;
      preamble: string;
      /** Format: date-time */
      createdAt: string;
      /** @description the current plan: the one a task made by hand joins when it names neither a plan nor a clause (CURRENT_PLAN, by default the plan whose period starts last); the console starts on it */
      current: boolean;
      /** @description in the order of the text */
      sections: components['schemas']['PlanSectionDto'][];
    };
    CarryOverDto: {
      /**
       * Format: uuid
       * @description the plan the tasks move into (another plan)
       */
      toPlanId: string;
      /** @description tasks of this plan to carry over, each open; their open sub-tasks (at every depth) move with them, completed and cancelled ones stay. Absent: every open task of the plan */
      taskIds?: string[];
    };
    CarryOverResultDto: {
      /**
       * Format: uuid
       * @description shared by the move records and audit entries of this carry-over
       */
      batchId: string;
      /** Format: uuid */
      fromPlanId: string;
      /** Format: uuid */
      toPlanId: string;
      /** @description tasks moved (0 when the plan has no open task left) */
      moved: number;
      /** @description the tasks moved, the named ones with their open sub-tasks */
      taskIds: string[];
      /** @description moved tasks whose clause the new plan does not have: their clause reference was cleared (kept in the move record) */
      clausesCleared: number;
    };
    CarriedTaskRefDto: {
      /** Format: uuid */
      id: string;
      code: string | null;
      title: string;
    };
    PlanRefDto: {
      /** Format: uuid */
      id: string;
      code: string;
      title: string;
    };
    CarryOverMoverDto: {
      /** Format: uuid */
      id: string;
      name: string;
    };
    CarryOverRecordDto: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      batchId: string;
      /**
       * @description out of or into the plan asked about; null in a task's own list
       * @enum {string|null}
       */
      direction: 'out' | 'in' | null;
      task: components['schemas']['CarriedTaskRefDto'];
      fromPlan: components['schemas']['PlanRefDto'];
      toPlan: components['schemas']['PlanRefDto'];
      /** @description its clause in the old plan */
      fromClauseRef: string | null;
      /** @description the same ref when the new plan has it, else null */
      toClauseRef: string | null;
      /** @description its status when it moved */
      status: string;
      /** Format: date-time */
      movedAt: string;
      movedBy: components['schemas']['CarryOverMoverDto'] | null;
    };
    CreateTaskDto: {
      /** @example 落实教育经费法定增长要求 */
      title: string;
      description?: string;
      /**
       * @description 牵头单位 code
       * @example finance
       */
      leadDepartment: string;
      /**
       * @description 配合单位 codes
       * @example [
       *       "tax"
       *     ]
       */
      coDepartments?: string[];
      /**
       * Format: uuid
       * @description a user of the lead department
       */
      assigneeId?: string;
      /**
       * @description YYYY-MM-DD in TZ, due at the end of that day. null: open-ended (长期坚持, no final deadline), allowed only with `reportEvery` (400 otherwise): such a task is never overdue and is judged on its report periods
       * @example 2025-12-31
       */
      dueDate: string | null;
      /** @example 七(二)财政部门 */
      clauseRef?: string;
      indicatorCodes?: string[];
      /**
       * Format: uuid
       * @description parent task of decomposed work
       */
      parentId?: string;
      /**
       * Format: uuid
       * @description the plan the task joins (400 when unknown, or another than its parent's). Default: its parent's plan, else the plan holding `clauseRef` (the current plan when several do), else the current plan (CURRENT_PLAN, by default the plan whose period starts last). `clauseRef` must name a clause of that plan (400 naming both)
       */
      planId?: string;
      /**
       * Format: uuid
       * @description 督办责任人: the owning supervisor (an active supervisor); default the creator. Receives the ladder steps addressed to `supervisor` and the review reminders
       */
      supervisorId?: string;
      /** @description 承办单位负责人审签: submissions go to the lead department's leader (`leader_review`) before the supervisor; default from the policy's `signOff` (leader → true) */
      requireSignOff?: boolean;
      /**
       * @description 定期报送: a progress report is owed for each month (P1M), quarter (P3M) or half year (P6M) from the one the task is created in
       * @enum {string}
       */
      reportEvery?: 'P1M' | 'P3M' | 'P6M';
      /** @description reports are due by this day of the month after each period (default 5) */
      reportDueDay?: number;
      /**
       * @description 定期报送: the day report periods start from (the first period is the one containing it); default the day the task is created
       * @example 2026-01-01
       */
      reportFrom?: string;
      /** @description 配合单位反馈: each co-department owes its own report for every period of the cycle too (default false; no effect without reportEvery); see GET /tasks/:id/co-report-slots */
      coDepartmentsReport?: boolean;
    };
    TaskViewDto: {
      /** Format: uuid */
      id: string;
      code: string | null;
      title: string;
      leadDepartmentCode: string;
      coDepartmentCodes: string[];
      assigneeId: string | null;
      /**
       * @description null: open-ended (长期坚持), never overdue; lists put it last
       * @example 2025-12-31
       */
      dueDate: string | null;
      /** @enum {string} */
      status: 'assigned' | 'in_progress' | 'leader_review' | 'submitted' | 'completed' | 'cancelled';
      version: number;
      /** @description open and past its due date — except work waiting in leader_review or submitted after a submission made by the end of the due date (the fair clock); one submitted late stays overdue */
      overdue: boolean;
      /**
       * @description red: overdue (see `overdue`); yellow: due within the policy's warning window (warnBefore from today, in working days when workdays: true); green: otherwise, and completed, cancelled or in-time waiting work
       * @enum {string}
       */
      light: 'green' | 'yellow' | 'red';
      clauseRef: string | null;
      percent: number;
      /**
       * Format: uuid
       * @description the task it is a part of (分解)
       */
      parentId: string | null;
      /**
       * Format: date-time
       * @description the latest submission; the one approved decides on time
       */
      submittedAt: string | null;
      /** Format: date-time */
      updatedAt: string;
      /**
       * Format: uuid
       * @description the plan it belongs to
       */
      planId: string | null;
      /** @description the plan's duty (七(二)) it carries out */
      dutyCode: string | null;
      description: string;
      /**
       * Format: uuid
       * @description 督办责任人
       */
      supervisorId: string | null;
      /** @description the plan's indicators the task serves */
      indicatorCodes: string[];
      /** @description why the supervisor (or leader) returned it last */
      returnReason: string | null;
      /**
       * @description the supervisor's grade on approval
       * @enum {string|null}
       */
      grade: 'excellent' | 'good' | 'pass' | 'fail' | null;
      /** @description submissions go to the lead department's leader first */
      requireSignOff: boolean;
      /**
       * @description 定期报送 cycle
       * @enum {string|null}
       */
      reportEvery: 'P1M' | 'P3M' | 'P6M' | null;
      /** @description reports due by this day of the month after each period */
      reportDueDay: number;
      /**
       * @description report periods start from the one containing it (null: from creation)
       * @example 2026-01-01
       */
      reportFrom: string | null;
      /** @description 配合单位反馈: each co-department owes its own report for every period too */
      coDepartmentsReport: boolean;
      /**
       * Format: uuid
       * @description who created it (null: the plan seeds)
       */
      createdBy: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      completedAt: string | null;
      /**
       * Format: date-time
       * @description when a supervisor cancelled it
       */
      cancelledAt: string | null;
    };
    TaskDto: {
      /** Format: uuid */
      id: string;
      code: string | null;
      title: string;
      leadDepartmentCode: string;
      coDepartmentCodes: string[];
      assigneeId: string | null;
      /**
       * @description null: open-ended (长期坚持), never overdue; lists put it last
       * @example 2025-12-31
       */
      dueDate: string | null;
      /** @enum {string} */
      status: 'assigned' | 'in_progress' | 'leader_review' | 'submitted' | 'completed' | 'cancelled';
      version: number;
      /** @description open and past its due date — except work waiting in leader_review or submitted after a submission made by the end of the due date (the fair clock); one submitted late stays overdue */
      overdue: boolean;
      /**
       * @description red: overdue (see `overdue`); yellow: due within the policy's warning window (warnBefore from today, in working days when workdays: true); green: otherwise, and completed, cancelled or in-time waiting work
       * @enum {string}
       */
      light: 'green' | 'yellow' | 'red';
      clauseRef: string | null;
      percent: number;
      /**
       * Format: uuid
       * @description the task it is a part of (分解)
       */
      parentId: string | null;
      /**
       * Format: date-time
       * @description the latest submission; the one approved decides on time
       */
      submittedAt: string | null;
      /** Format: date-time */
      updatedAt: string;
    };
    TaskPageDto: {
      items: components['schemas']['TaskDto'][];
      /** @description items matching, on every page */
      total: number;
      page: number;
      limit: number;
    };
    OwedReportDto: {
      /** Format: uuid */
      taskId: string;
      taskCode: string | null;
      taskTitle: string;
      leadDepartmentCode: string;
      /**
       * @description the department that owes it: the lead, or a co-department reporting its own part (配合单位反馈)
       * @example finance
       */
      departmentCode: string;
      /** @example 2026-11 */
      period: string;
      /** @example 2026-11-01 */
      from: string;
      /** @example 2026-11-30 */
      to: string;
      /** @example 2026-12-07 */
      dueDate: string;
      /**
       * @description open: still due this month; missed: its deadline passed (逾期未报)
       * @enum {string}
       */
      status: 'open' | 'missed';
    };
    TaskOwnerDto: {
      /** Format: uuid */
      id: string;
      name: string;
    };
    TaskChildrenDto: {
      total: number;
      completed: number;
      /** @description completed share of the sub-tasks not cancelled, 0–100; null without any */
      percent: number | null;
    };
    CarriedFromDto: {
      /** Format: uuid */
      planId: string;
      planCode: string;
      planTitle: string;
      /** @description its clause in the old plan */
      clauseRef: string | null;
      /** Format: date-time */
      movedAt: string;
      movedBy: components['schemas']['TaskOwnerDto'] | null;
    };
    ProgressReportDto: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      authorId: string;
      /** @description the reporting department (a co-department's feedback is its own) */
      departmentCode: string;
      /** @example progress */
      kind: string;
      note: string;
      percent: number | null;
      /** @description evidence of this task the report points to */
      evidenceIds: string[];
      /**
       * @description the report period (定期报送) it files, if any
       * @example 2026-03
       */
      period: string | null;
      /** Format: date-time */
      createdAt: string;
    };
    EvidenceDto: {
      /** Format: uuid */
      id: string;
      filename: string;
      size: number;
      mimeType: string;
      /** @description hex SHA-256 of the bytes */
      sha256: string;
      /** @description the department that uploaded it */
      departmentCode: string;
      /**
       * Format: uuid
       * @description the user who uploaded it
       */
      uploadedBy: string;
      /** Format: date-time */
      createdAt: string;
    };
    ExtensionRequestViewDto: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      taskId: string;
      /** Format: uuid */
      requestedBy: string;
      /** @example 2025-12-31 */
      currentDueDate: string;
      /** @example 2026-03-31 */
      requestedDueDate: string;
      reason: string;
      /**
       * @description awaiting_leader (sign-off tasks), pending (for the supervisor), approved or rejected
       * @enum {string}
       */
      status: 'awaiting_leader' | 'pending' | 'approved' | 'rejected';
      /** Format: uuid */
      decidedBy: string | null;
      /** Format: date-time */
      decidedAt: string | null;
      decisionComment: string | null;
      /** Format: date-time */
      createdAt: string;
    };
    TaskDetailDto: {
      /** Format: uuid */
      id: string;
      code: string | null;
      title: string;
      leadDepartmentCode: string;
      coDepartmentCodes: string[];
      assigneeId: string | null;
      /**
       * @description null: open-ended (长期坚持), never overdue; lists put it last
       * @example 2025-12-31
       */
      dueDate: string | null;
      /** @enum {string} */
      status: 'assigned' | 'in_progress' | 'leader_review' | 'submitted' | 'completed' | 'cancelled';
      version: number;
      /** @description open and past its due date — except work waiting in leader_review or submitted after a submission made by the end of the due date (the fair clock); one submitted late stays overdue */
      overdue: boolean;
      /**
       * @description red: overdue (see `overdue`); yellow: due within the policy's warning window (warnBefore from today, in working days when workdays: true); green: otherwise, and completed, cancelled or in-time waiting work
       * @enum {string}
       */
      light: 'green' | 'yellow' | 'red';
      clauseRef: string | null;
      percent: number;
      /**
       * Format: uuid
       * @description the task it is a part of (分解)
       */
      parentId: string | null;
      /**
       * Format: date-time
       * @description the latest submission; the one approved decides on time
       */
      submittedAt: string | null;
      /** Format: date-time */
      updatedAt: string;
      /**
       * Format: uuid
       * @description the plan it belongs to
       */
      planId: string | null;
      /** @description the plan's duty (七(二)) it carries out */
      dutyCode: string | null;
      description: string;
      /**
       * Format: uuid
       * @description 督办责任人
       */
      supervisorId: string | null;
      /** @description the plan's indicators the task serves */
      indicatorCodes: string[];
      /** @description why the supervisor (or leader) returned it last */
      returnReason: string | null;
      /**
       * @description the supervisor's grade on approval
       * @enum {string|null}
       */
      grade: 'excellent' | 'good' | 'pass' | 'fail' | null;
      /** @description submissions go to the lead department's leader first */
      requireSignOff: boolean;
      /**
       * @description 定期报送 cycle
       * @enum {string|null}
       */
      reportEvery: 'P1M' | 'P3M' | 'P6M' | null;
      /** @description reports due by this day of the month after each period */
      reportDueDay: number;
      /**
       * @description report periods start from the one containing it (null: from creation)
       * @example 2026-01-01
       */
      reportFrom: string | null;
      /** @description 配合单位反馈: each co-department owes its own report for every period too */
      coDepartmentsReport: boolean;
      /**
       * Format: uuid
       * @description who created it (null: the plan seeds)
       */
      createdBy: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      completedAt: string | null;
      /**
       * Format: date-time
       * @description when a supervisor cancelled it
       */
      cancelledAt: string | null;
      /** @description the plan's text of its clause */
      clauseText: string | null;
      /** @description 督办责任人 by name */
      supervisor: components['schemas']['TaskOwnerDto'] | null;
      /** @description set when its reminders reach a year whose holidays are not published yet */
      calendarNote: string | null;
      /** @description its sub-tasks rolled up */
      children: components['schemas']['TaskChildrenDto'];
      /** @description the plan it was carried over (结转) from by POST /plans/:id/carry-over, the last such move; null when never carried */
      carriedFrom: components['schemas']['CarriedFromDto'] | null;
      /** @description progress reports, oldest first */
      progress: components['schemas']['ProgressReportDto'][];
      evidence: components['schemas']['EvidenceDto'][];
      extensionRequests: components['schemas']['ExtensionRequestViewDto'][];
    };
    UpdateTaskDto: {
      /** @description the version read; a stale one is 409 */
      version: number;
      title?: string;
      description?: string;
      leadDepartment?: string;
      coDepartments?: string[];
      /**
       * Format: uuid
       * @description a user of the lead department; changing leadDepartment without naming one clears it
       */
      assigneeId?: string;
      /**
       * Format: uuid
       * @description 督办责任人 (an active supervisor)
       */
      supervisorId?: string;
      /** @description require the lead department's leader to sign off submissions (applies to the next submission) */
      requireSignOff?: boolean;
      /**
       * @description 定期报送: a progress report is owed for each month (P1M), quarter (P3M) or half year (P6M) from the one the task is created in
       * @enum {string}
       */
      reportEvery?: 'P1M' | 'P3M' | 'P6M';
      /** @description reports are due by this day of the month after each period (default 5) */
      reportDueDay?: number;
      /** @description 配合单位反馈: each co-department owes its own report for every period of the cycle too (default false; no effect without reportEvery); see GET /tasks/:id/co-report-slots */
      coDepartmentsReport?: boolean;
      /**
       * @description 定期报送: the day report periods start from (the first period is the one containing it); default the day the task is created
       * @example 2026-01-01
       */
      reportFrom?: string;
      /**
       * @description null makes the task open-ended (长期坚持, no final deadline): only a task with `reportEvery` (400 otherwise)
       * @example 2025-12-31
       */
      dueDate?: string | null;
      clauseRef?: string;
      indicatorCodes?: string[];
    };
    VersionedDto: {
      /** @description when given, a stale version is 409 */
      version?: number;
    };
    ProgressDto: {
      /** @example 已完成资金测算，正在报批 */
      note: string;
      percent?: number;
      evidenceIds?: string[];
      /**
       * @description the report slot this report files (GET /tasks/:id/report-slots): a period of the task's cycle that has begun; a second report for a filed period updates it. Filings are keyed by (task, department, period): a co-department's liaison files its own slot (GET /tasks/:id/co-report-slots), never the lead's, and only on a task with coDepartmentsReport (400 otherwise)
       * @example 2026-03
       */
      period?: string;
    };
    SubmitDto: {
      /** @description when given, a stale version is 409 */
      version?: number;
      /** @example 已按要求完成，佐证材料见附件 */
      summary: string;
      /** @description at least one evidence id of this task */
      evidenceIds: string[];
    };
    ApproveDto: {
      /** @description when given, a stale version is 409 */
      version?: number;
      comment?: string;
      /**
       * @description 优秀/良好/合格/不合格
       * @enum {string}
       */
      grade?: 'excellent' | 'good' | 'pass' | 'fail';
    };
    ReasonDto: {
      /** @description when given, a stale version is 409 */
      version?: number;
      /** @example 佐证材料不完整，请补充资金拨付凭证 */
      reason: string;
    };
    SignOffDto: {
      /** @description when given, a stale version is 409 */
      version?: number;
      /** @example 情况属实，同意报送 */
      comment?: string;
    };
    CancelDto: {
      /** @description when given, a stale version is 409 */
      version?: number;
      /** @example 佐证材料不完整，请补充资金拨付凭证 */
      reason: string;
      /**
       * @description required when the task has open sub-tasks: cancel them too, or keep them (they go on on their own); otherwise 409 naming them
       * @enum {string}
       */
      children?: 'cancel' | 'keep';
    };
    ExtensionRequestDto: {
      /** @example 2026-03-31 */
      requestedDueDate: string;
      /** @example 项目用地审批尚未完成 */
      reason: string;
    };
    DecisionDto: {
      comment?: string;
    };
    EndorseDto: {
      /** @description true: the leader agrees and the request goes to the supervisor; false: it is rejected */
      agree: boolean;
      comment?: string;
    };
    ReportSlotDto: {
      /**
       * @description 2026-03 (month), 2026-Q1 (quarter), 2026-H1 (half year)
       * @example 2026-03
       */
      period: string;
      /** @example 2026-03-01 */
      from: string;
      /** @example 2026-03-31 */
      to: string;
      /**
       * @description due by the end of this day (reportDueDay of the next month, the next working day when the policy counts working days)
       * @example 2026-04-07
       */
      dueDate: string;
      /**
       * @description filed: by its deadline; late: after it; missed: not by it; open: not yet due
       * @enum {string}
       */
      status: 'open' | 'filed' | 'late' | 'missed';
      /**
       * Format: uuid
       * @description the first report filed for the period
       */
      progressId: string | null;
      /**
       * @description the department that owes it: the lead department, or a co-department (配合单位反馈)
       * @example finance
       */
      departmentCode: string;
    };
    CoDepartmentSlotsDto: {
      /** @example finance */
      departmentCode: string;
      /** @example 财政局 */
      departmentName: string;
      /** @description its latest period reported (filed or late); null before its first */
      latest: components['schemas']['ReportSlotDto'] | null;
      /**
       * @description the periods it missed (逾期未报), oldest first
       * @example [
       *       "2026-03"
       *     ]
       */
      missed: string[];
      /** @description all its periods, oldest first */
      slots: components['schemas']['ReportSlotDto'][];
    };
    CommentAuthorDto: {
      /** Format: uuid */
      id: string;
      name: string;
      role: string;
      departmentCode: string | null;
    };
    CommentDto: {
      /** Format: uuid */
      id: string;
      body: string;
      /** @description 领导批示 */
      instruction: boolean;
      /** Format: date-time */
      createdAt: string;
      author: components['schemas']['CommentAuthorDto'];
      /** @description the users it @-mentions */
      mentions: components['schemas']['TaskOwnerDto'][];
    };
    NewCommentDto: {
      /**
       * @description the comment; `@姓名` tells that person (someone who may see the task)
       * @example 请@财政联络员 本周内补充拨付凭证
       */
      body: string;
      /** @description 领导批示: shown apart at the top of the task (supervisors and leaders only, 403 otherwise) */
      instruction?: boolean;
    };
    HistoryActorDto: {
      /** Format: uuid */
      id: string;
      name: string;
      email: string;
      /** @enum {string} */
      role: 'admin' | 'supervisor' | 'leader' | 'liaison' | 'reviewer' | 'auditor' | 'security_admin';
    };
    TaskHistoryEntryDto: {
      /** Format: date-time */
      at: string;
      /** @description null: the system (the plan seeds, the worker) */
      actor: components['schemas']['HistoryActorDto'] | null;
      /** @example task.submit */
      action: string;
      /** @description the status before, when the change moved it */
      from: string | null;
      /** @description the status after */
      to: string | null;
      /** @description the entry's detail with its `before` and `after` fields */
      detail: Record<string, never>;
    };
    YearValueDto: {
      year: number;
      value: number;
    };
    IndicatorDto: {
      /** @example vocational-dual-qualified-teacher-share */
      code: string;
      /** Format: uuid */
      planId: string;
      /** @example 职业学校双师型教师比例 */
      name: string;
      /** @example % */
      unit: string;
      /**
       * @description which side of the target meets it
       * @enum {string}
       */
      comparator: '>=' | '=' | '<=';
      /** @example 85 */
      target: number;
      /** @example 2025 */
      targetYear: number;
      /** @example 75.36 */
      baseline: number | null;
      /** @example 2020 */
      baselineYear: number | null;
      /** @example edu */
      departmentCode: string;
      /**
       * @description the clause stating the target
       * @example 五(一)2#3
       */
      clauseRef: string;
      /** @description the plan's words stating the target, verbatim */
      sourceText: string;
      baselineClauseRef: string | null;
      baselineSourceText: string | null;
      /** @description the target was read from wording (全覆盖 → 100 %), not a number in the text */
      derived: boolean;
      note: string | null;
      /** @description the latest reported year and its value */
      latest: components['schemas']['YearValueDto'] | null;
      /** @description still to go from the latest value to the target, positive in the better direction (>=: target − value; <=: value − target; =: the distance); 0 or less is met; null without a report */
      gap: number | null;
      /** @description the least-squares line through the baseline and the reported values, at targetYear */
      projected: number | null;
      /**
       * @description on_track: the projection meets the target; at_risk: it misses by at most 10 % of the distance from baseline (or first value) to target; off_track: otherwise; null with fewer than two years of data
       * @enum {string|null}
       */
      trend: 'on_track' | 'at_risk' | 'off_track' | null;
    };
    IndicatorValueDto: {
      /** Format: uuid */
      id: string;
      indicatorCode: string;
      year: number;
      value: number;
      note: string | null;
      evidenceIds: string[];
      /** Format: uuid */
      reportedBy: string;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    IndicatorDetailDto: {
      /** @example vocational-dual-qualified-teacher-share */
      code: string;
      /** Format: uuid */
      planId: string;
      /** @example 职业学校双师型教师比例 */
      name: string;
      /** @example % */
      unit: string;
      /**
       * @description which side of the target meets it
       * @enum {string}
       */
      comparator: '>=' | '=' | '<=';
      /** @example 85 */
      target: number;
      /** @example 2025 */
      targetYear: number;
      /** @example 75.36 */
      baseline: number | null;
      /** @example 2020 */
      baselineYear: number | null;
      /** @example edu */
      departmentCode: string;
      /**
       * @description the clause stating the target
       * @example 五(一)2#3
       */
      clauseRef: string;
      /** @description the plan's words stating the target, verbatim */
      sourceText: string;
      baselineClauseRef: string | null;
      baselineSourceText: string | null;
      /** @description the target was read from wording (全覆盖 → 100 %), not a number in the text */
      derived: boolean;
      note: string | null;
      /** @description the latest reported year and its value */
      latest: components['schemas']['YearValueDto'] | null;
      /** @description still to go from the latest value to the target, positive in the better direction (>=: target − value; <=: value − target; =: the distance); 0 or less is met; null without a report */
      gap: number | null;
      /** @description the least-squares line through the baseline and the reported values, at targetYear */
      projected: number | null;
      /**
       * @description on_track: the projection meets the target; at_risk: it misses by at most 10 % of the distance from baseline (or first value) to target; off_track: otherwise; null with fewer than two years of data
       * @enum {string|null}
       */
      trend: 'on_track' | 'at_risk' | 'off_track' | null;
      values: components['schemas']['IndicatorValueDto'][];
    };
    ReportIndicatorValueDto: {
      /**
       * @description the year the value measures; a second report for a year replaces the first
       * @example 2022
       */
      year: number;
      /**
       * @description in the indicator's unit
       * @example 91.5
       */
      value: number;
      /** @example 据教育统计年报 */
      note?: string;
      /** @description evidence already uploaded to one of the department's tasks */
      evidenceIds?: string[];
    };
    NotificationDto: {
      /** Format: uuid */
      id: string;
      /**
       * @description what it is about: a ladder template (reminder, overdue, escalation, review) or a task event (task.assigned, …)
       * @example reminder
       */
      kind: string;
      /** Format: uuid */
      taskId: string;
      /** @description the same as kind (kept for clients of the first release) */
      template: string;
      /**
       * @description the day the ladder step (or the event) fell on
       * @example 2025-12-24
       */
      step: string;
      /**
       * @description the deadline it was about (a report period's for report_due); null: an event of an open-ended task (长期坚持)
       * @example 2025-12-31
       */
      dueDate: string | null;
      subject: string;
      body: string;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      readAt: string | null;
    };
    NotificationPageDto: {
      items: components['schemas']['NotificationDto'][];
      /** @description items matching, on every page */
      total: number;
      page: number;
      limit: number;
    };
    UnreadCountDto: {
      count: number;
    };
    NotificationKindDto: {
      /** @enum {string} */
      kind:
        | 'task.assigned'
        | 'task.signoff_needed'
        | 'task.submitted'
        | 'task.returned'
        | 'task.approved'
        | 'task.cancelled'
        | 'task.reopened'
        | 'extension.requested'
        | 'extension.decided'
        | 'comment'
        | 'reminder'
        | 'overdue'
        | 'escalation'
        | 'review'
        | 'report_due';
      /** @example 任务被退回 */
      label: string;
      /** @description false: in-app only */
      mail: boolean;
    };
    NotificationPreferencesDto: {
      kinds: components['schemas']['NotificationKindDto'][];
    };
    MailPreferencesDto: {
      /** @description the kinds the caller takes off mail; every other kind is mailed */
      mailOff: (
        | 'task.assigned'
        | 'task.signoff_needed'
        | 'task.submitted'
        | 'task.returned'
        | 'task.approved'
        | 'task.cancelled'
        | 'task.reopened'
        | 'extension.requested'
        | 'extension.decided'
        | 'comment'
        | 'reminder'
        | 'overdue'
        | 'escalation'
        | 'review'
        | 'report_due'
      )[];
    };
    MarkedAllReadDto: {
      /** @description how many were unread */
      marked: number;
    };
    MarkedReadDto: {
      /** Format: uuid */
      id: string;
      /** @enum {boolean} */
      read: true;
    };
    CalendarDayDto: {
      /** @example 2027-01-01 */
      date: string;
      /** @enum {string} */
      kind: 'workday' | 'holiday';
      /** @example 元旦 */
      note: string;
      /**
       * @description package: npm chinese-days (State Council notices); admin: entered by an administrator, wins over the package
       * @enum {string}
       */
      source: 'package' | 'admin';
      /**
       * @description on an administrator's entry: what the package says about the date (null: nothing, so Monday–Friday applies)
       * @enum {string|null}
       */
      packageKind?: 'workday' | 'holiday' | null;
      /** Format: date-time */
      updatedAt?: string;
      /** Format: uuid */
      updatedBy?: string | null;
    };
    CalendarCoverageDto: {
      /** @description the policy's workdays: false means offsets count calendar days and no holiday data is needed */
      workdays: boolean;
      /** @description years npm chinese-days has State Council data for */
      packageYears: number[];
      /** @description years with at least one administrator entry */
      adminYears: number[];
      yearsWithData: number[];
      /** @description this year, next year and the years of open tasks’ deadlines */
      checkedYears: number[];
      /** @description checked years without data: their working days are counted Monday–Friday */
      missingYears: number[];
      /** @description the warning, in Chinese; null when nothing is missing */
      message: string | null;
    };
    SetCalendarDayDto: {
      /**
       * @description workday: people work that day (a make-up workday on a weekend, 调休上班); holiday: they do not (a statutory holiday, 放假)
       * @enum {string}
       */
      kind: 'workday' | 'holiday';
      /** @example 元旦（国办发明电〔2026〕X号） */
      note?: string;
    };
    WebhookDto: {
      /** @example finance */
      departmentCode: string;
      /** @enum {string} */
      kind: 'wecom' | 'dingtalk';
      url: string;
      enabled: boolean;
      /** Format: date-time */
      updatedAt: string;
    };
    SetWebhookDto: {
      /**
       * @description wecom: 企业微信群机器人; dingtalk: 钉钉群机器人 (markdown messages)
       * @enum {string}
       */
      kind: 'wecom' | 'dingtalk';
      /**
       * @description the robot's webhook address: a host of WEBHOOK_ALLOWED_HOSTS at a public address (or in WEBHOOK_ALLOWED_NETWORKS, where http is allowed too), else 400
       * @example https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…
       */
      url: string;
      /**
       * @description false keeps the address but sends nothing
       * @default true
       */
      enabled: boolean;
    };
    DeliveryDto: {
      id: string;
      /** @enum {string} */
      channel: 'mail' | 'webhook';
      /**
       * Format: uuid
       * @description the user a mail goes to
       */
      recipientId: string | null;
      /** @description the department whose robot a webhook message goes to */
      departmentCode: string | null;
      /** @description e-mail address, or the robot's URL with its key masked */
      target: string;
      subject: string;
      /** @enum {string} */
      status: 'pending' | 'sent' | 'failed';
      attempts: number;
      lastError: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      sentAt: string | null;
    };
    DeliveryPageDto: {
      items: components['schemas']['DeliveryDto'][];
      /** @description items matching, on every page */
      total: number;
      page: number;
      limit: number;
    };
    AssessmentCycleDto: {
      /** @example 2025 */
      year: number;
      /** @enum {string} */
      status: 'open' | 'finalized';
      /** Format: uuid */
      openedBy: string | null;
      openedAt: string;
      /** Format: uuid */
      finalizedBy: string | null;
      finalizedAt: string | null;
    };
    OpenAssessmentDto: {
      /**
       * @description the year assessed: tasks whose due date falls in it
       * @example 2025
       */
      year: number;
    };
    AssessmentCycleDetailDto: {
      /** @example 2025 */
      year: number;
      /** @enum {string} */
      status: 'open' | 'finalized';
      /** Format: uuid */
      openedBy: string | null;
      openedAt: string;
      /** Format: uuid */
      finalizedBy: string | null;
      finalizedAt: string | null;
      /** @description tasks whose due date falls in the year */
      taskCount: number;
      /** @description reviewer scores given */
      scoreCount: number;
      /** @description the rubric in force (open cycles) */
      rubric?: Record<string, never>;
    };
    DepartmentMetricsDto: {
      /** @description tasks led by the department with a due date in the year */
      due: number;
      /** @description completed before the end of the due date (TZ) */
      onTime: number;
      late: number;
      overdue: number;
      pending: number;
      meanDaysLate: number | null;
      returns: number;
      /** @description completed tasks with evidence / completed tasks */
      evidenceShare: number | null;
      extensionRequests: number;
      turnedRed: number;
      escalated: number;
      /**
       * @example {
       *       "excellent": 1,
       *       "good": 2,
       *       "pass": 0,
       *       "fail": 0
       *     }
       */
      grades: Record<string, never>;
      /**
       * @example {
       *       "on_track": 2,
       *       "at_risk": 1,
       *       "off_track": 0,
       *       "unknown": 3
       *     }
       */
      indicators: Record<string, never>;
      /** @description report periods (定期报送) the department owes due in the year (of the tasks it leads, and its own part of tasks with coDepartmentsReport), judged as of the year’s end (or today while it runs): on time + late + missed; a period due today and not filed yet is not counted */
      reportsDue: number;
      /** @description report periods filed by the end of their due day */
      reportsOnTime: number;
      /** @description report periods filed after their due day */
      reportsLate: number;
      /** @description report periods not filed (逾期未报); a report filed after the year’s end does not count for the year */
      reportsMissed: number;
    };
    BreakdownItemDto: {
      /** @example metric:onTimeRate */
      item: string;
      /** @example 按时完成率（权重 40）：75% */
      label: string;
      /** @example 30 */
      points: number;
    };
    ReviewerScoreDto: {
      /** Format: uuid */
      reviewerId: string;
      reviewerName: string;
      score: number;
      comment: string;
      /** @description send it back to revise the score */
      version: number;
      updatedAt: string;
    };
    DepartmentAssessmentDto: {
      departmentCode: string;
      departmentName: string;
      metrics: components['schemas']['DepartmentMetricsDto'];
      computedScore: number;
      breakdown: components['schemas']['BreakdownItemDto'][];
      reviewerScores: components['schemas']['ReviewerScoreDto'][];
      reviewerMean: number | null;
      finalScore: number;
      /** @description 1-based; equal final scores share a rank (1, 2, 2, 4); null: not ranked (无考核任务, nothing due in the year) */
      rank: number | null;
    };
    ScoreDto: {
      /**
       * @description the reviewer’s score of the department, 0–100, two decimals at most
       * @example 88.5
       */
      score: number;
      /**
       * @description required when the score is below the rubric’s commentRequiredBelow
       * @example 任务推进扎实，佐证材料齐全
       */
      comment?: string;
      /**
       * @description omit on the first score; a revision names the version it revises (else 409)
       * @example 1
       */
      version?: number;
    };
    ReportJobDto: {
      /** Format: uuid */
      id: string;
      year: number;
      /** @enum {string} */
      format: 'xlsx' | 'html';
      /** @enum {string} */
      status: 'queued' | 'running' | 'done' | 'failed';
      progress: number;
      error: string | null;
      createdAt: string;
      finishedAt: string | null;
    };
    RequestReportDto: {
      /** @enum {string} */
      format: 'xlsx' | 'html';
    };
    EvaluationIndicatorDto: {
      code: string;
      name: string;
      /** @example % */
      unit: string;
      /** @enum {string} */
      comparator: '>=' | '=' | '<=';
      departmentCode: string;
      departmentName: string;
      /** @description the chapter of the clause stating the target */
      chapterCode: string | null;
      baseline: number | null;
      baselineYear: number | null;
      target: number;
      targetYear: number;
      /** @description the latest value reported for a year up to asOf’s year */
      latest: number | null;
      latestYear: number | null;
      /** @description met by the comparator; null when nothing is reported */
      achieved: boolean | null;
      /** @description share of the way from baseline to target (1 = there); null without baseline, value or distance */
      progress: number | null;
      /** @description where the line from baseline to target stands at the end of asOf */
      expected: number | null;
      /**
       * @description 序时进度 at the end of asOf
       * @enum {string}
       */
      pace: 'green' | 'yellow' | 'red' | 'unknown';
      /** @enum {string|null} */
      trend: 'on_track' | 'at_risk' | 'off_track' | null;
      derived: boolean;
    };
    TaskCountsDto: {
      total: number;
      /** @description completed by asOf (on time + late) */
      completed: number;
      onTime: number;
      late: number;
      /** @description still owed at asOf and past due */
      overdue: number;
      /** @description still owed at asOf, not yet due (or waiting for review after an on-time submission) */
      pending: number;
      cancelled: number;
      /** @description carried over (结转) into another plan by asOf (POST /plans/:id/carry-over): counted in total, not in the completion share; the new plan counts them from the move */
      carriedOver: number;
    };
    AchievedCountDto: {
      achieved: number;
      total: number;
    };
    EvaluationSectionDto: {
      /** @example 五(一) */
      code: string;
      title: string;
      tasks: components['schemas']['TaskCountsDto'];
    };
    EvaluationChapterDto: {
      /**
       * @description null: tasks whose clause is not in the plan’s text
       * @example 五
       */
      code: string | null;
      title: string;
      tasks: components['schemas']['TaskCountsDto'];
      /** @description the chapter’s stated targets */
      indicators: components['schemas']['AchievedCountDto'];
      sections: components['schemas']['EvaluationSectionDto'][];
    };
    ProblemTaskDto: {
      /** Format: uuid */
      id: string;
      code: string | null;
      title: string;
      /** Format: date */
      dueDate: string;
      daysOverdue: number;
    };
    ProblemIndicatorDto: {
      code: string;
      name: string;
      /** @enum {string} */
      pace: 'green' | 'yellow' | 'red' | 'unknown';
      /** @enum {string|null} */
      trend: 'on_track' | 'at_risk' | 'off_track' | null;
    };
    UnreportedIndicatorDto: {
      code: string;
      name: string;
    };
    MissedReportDto: {
      /** Format: uuid */
      taskId: string;
      taskCode: string | null;
      taskTitle: string;
      /** @example 2025-Q3 */
      period: string;
      /** Format: date */
      dueDate: string;
    };
    DepartmentProblemsDto: {
      departmentCode: string;
      departmentName: string;
      overdueTasks: components['schemas']['ProblemTaskDto'][];
      /** @description not met, and behind the line (pace red) or heading for a miss (trend off_track) */
      offTrackIndicators: components['schemas']['ProblemIndicatorDto'][];
      /** @description no value reported for any year up to asOf’s year */
      unreportedIndicators: components['schemas']['UnreportedIndicatorDto'][];
      /** @description report periods (定期报送) missed by asOf */
      missedReports: components['schemas']['MissedReportDto'][];
    };
    TasksCompletedDto: {
      completed: number;
      /** @description tasks neither cancelled nor carried over (结转) by asOf */
      total: number;
    };
    EvaluationTotalsDto: {
      /** @description stated targets met */
      targetsAchieved: components['schemas']['AchievedCountDto'];
      /** @description targets read from the plan’s wording (derived), counted apart */
      derivedAchieved: components['schemas']['AchievedCountDto'];
      tasksCompleted: components['schemas']['TasksCompletedDto'];
      overdueTasks: number;
      offTrackIndicators: number;
      unreportedIndicators: number;
      missedReports: number;
    };
    PlanEvaluationDto: {
      /** Format: uuid */
      planId: string;
      planCode: string;
      planTitle: string;
      startYear: number;
      endYear: number;
      /** Format: date */
      asOf: string;
      /**
       * Format: date-time
       * @description when the numbers were computed (a finalised evaluation: when it was frozen)
       */
      computedAt: string;
      /** @description the stated targets, in the plan’s order */
      indicators: components['schemas']['EvaluationIndicatorDto'][];
      /** @description targets read from wording (derived: true), shown apart */
      derivedIndicators: components['schemas']['EvaluationIndicatorDto'][];
      chapters: components['schemas']['EvaluationChapterDto'][];
      /** @description departments with open problems, in the departments’ order */
      problems: components['schemas']['DepartmentProblemsDto'][];
      totals: components['schemas']['EvaluationTotalsDto'];
      /**
       * @description null while nothing is saved for this day
       * @enum {string|null}
       */
      status: 'draft' | 'finalized' | null;
      findings: string;
      measures: string;
      /** Format: date-time */
      updatedAt: string | null;
      /** Format: date-time */
      finalizedAt: string | null;
    };
    EvaluationRecordDto: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      planId: string;
      /** Format: date */
      asOf: string;
      /** @enum {string} */
      status: 'draft' | 'finalized';
      findings: string;
      measures: string;
      /** @description the totals of the numbers kept with it */
      totals: components['schemas']['EvaluationTotalsDto'];
      /** Format: uuid */
      updatedBy: string;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      /** Format: uuid */
      finalizedBy: string | null;
      /** Format: date-time */
      finalizedAt: string | null;
    };
    FindingsDto: {
      /**
       * @description 规划实施效果、存在问题
       * @example 十四五规划目标总体完成……
       */
      findings: string;
      /**
       * @description 对策建议
       * @example 建议十五五期间……
       */
      measures: string;
    };
    StatusTotalsDto: {
      assigned: number;
      in_progress: number;
      /** @description waiting for the lead department's leader to sign off */
      leader_review: number;
      submitted: number;
      completed: number;
    };
    OnTimeDto: {
      /** @description tasks completed (in the month, or the twelve months) */
      completed: number;
      /** @description of them completed on or before their due date in TZ, i.e. before the end of that day */
      onTime: number;
      /**
       * @description onTime / completed, four decimals; null when none completed
       * @example 0.8333
       */
      rate: number | null;
    };
    MonthOnTimeDto: {
      /** @description tasks completed (in the month, or the twelve months) */
      completed: number;
      /** @description of them completed on or before their due date in TZ, i.e. before the end of that day */
      onTime: number;
      /**
       * @description onTime / completed, four decimals; null when none completed
       * @example 0.8333
       */
      rate: number | null;
      /**
       * @description month of the completion, in TZ
       * @example 2026-03
       */
      month: string;
    };
    ReportFiguresDto: {
      /**
       * @description report periods (定期报送) of open tasks not filed whose deadline falls in this month (in TZ) and has not passed (本月应报); a period filed, even late, is not counted
       * @example 3
       */
      dueThisMonth: number;
      /**
       * @description report periods of open tasks never filed by the end of their deadline (逾期未报; filing one late takes it off); completed tasks owe nothing more
       * @example 1
       */
      missed: number;
    };
    DepartmentDashboardDto: {
      /** @description tasks the department leads (co-operation is not counted, so a task counts once) */
      total: number;
      byStatus: components['schemas']['StatusTotalsDto'];
      /** @description overdue by the rule of TaskDto.overdue (work waiting for review after an on-time submission is not); cancelled tasks are left out of every figure */
      overdue: number;
      /** @description not completed and due from today to warnUntil (the policy's warning window; the yellow light) */
      dueSoon: number;
      /** @description not completed and due from today to seven calendar days on */
      dueWithin7Days: number;
      /**
       * @description red: any overdue; yellow: none overdue but any due within the warning window; else green
       * @enum {string}
       */
      light: 'green' | 'yellow' | 'red';
      /** @description over the twelve months of `months` */
      onTime: components['schemas']['OnTimeDto'];
      /** @description one entry per month of `months`, oldest first */
      onTimeByMonth: components['schemas']['MonthOnTimeDto'][];
      /** @description the report periods it owes, judged today: of the tasks it leads (GET /tasks/:id/report-slots) and, as a co-department reporting its own part, of the tasks with coDepartmentsReport (GET /tasks/:id/co-report-slots) */
      reports: components['schemas']['ReportFiguresDto'];
      /** @example finance */
      code: string;
      /** @example 市财政局 */
      name: string;
    };
    DashboardFiguresDto: {
      /** @description tasks the department leads (co-operation is not counted, so a task counts once) */
      total: number;
      byStatus: components['schemas']['StatusTotalsDto'];
      /** @description overdue by the rule of TaskDto.overdue (work waiting for review after an on-time submission is not); cancelled tasks are left out of every figure */
      overdue: number;
      /** @description not completed and due from today to warnUntil (the policy's warning window; the yellow light) */
      dueSoon: number;
      /** @description not completed and due from today to seven calendar days on */
      dueWithin7Days: number;
      /**
       * @description red: any overdue; yellow: none overdue but any due within the warning window; else green
       * @enum {string}
       */
      light: 'green' | 'yellow' | 'red';
      /** @description over the twelve months of `months` */
      onTime: components['schemas']['OnTimeDto'];
      /** @description one entry per month of `months`, oldest first */
      onTimeByMonth: components['schemas']['MonthOnTimeDto'][];
      /** @description the report periods it owes, judged today: of the tasks it leads (GET /tasks/:id/report-slots) and, as a co-department reporting its own part, of the tasks with coDepartmentsReport (GET /tasks/:id/co-report-slots) */
      reports: components['schemas']['ReportFiguresDto'];
    };
    PaceCountsDto: {
      green: number;
      yellow: number;
      red: number;
      unknown: number;
    };
    IndicatorPaceDto: {
      code: string;
      name: string;
      unit: string;
      /** @enum {string} */
      comparator: '>=' | '=' | '<=';
      target: number;
      targetYear: number;
      baseline: number | null;
      baselineYear: number | null;
      departmentCode: string;
      latest: components['schemas']['YearValueDto'] | null;
      /** @description where the straight line from baseline (end of baselineYear) to target (end of targetYear) stands today */
      expected: number | null;
      /** @description how far the latest value is behind `expected`, as a share of the way from baseline to target (the target itself when they are equal); 0 or less is at or ahead */
      behindShare: number | null;
      /**
       * @description 序时进度: green at or ahead of the line; yellow behind by less than `tolerance`; red beyond; unknown without baseline, baselineYear or a reported value
       * @enum {string}
       */
      pace: 'green' | 'yellow' | 'red' | 'unknown';
    };
    IndicatorSummaryDto: {
      /**
       * @description the share of the way behind the line that is still yellow
       * @example 0.1
       */
      tolerance: number;
      byPace: components['schemas']['PaceCountsDto'];
      /** @description plan-wide, every role's view alike (indicators are public to every role) */
      items: components['schemas']['IndicatorPaceDto'][];
    };
    DashboardDto: {
      /**
       * @description today in TZ
       * @example 2026-03-10
       */
      asOf: string;
      /**
       * @description the last date inside the warning window: today moved on by the policy's warnBefore, in working days when workdays: true
       * @example 2026-03-13
       */
      warnUntil: string;
      /**
       * @description the twelve months of the on-time rates, oldest first, this month last
       * @example [
       *       "2025-04",
       *       "2026-03"
       *     ]
       */
      months: string[];
      /** @description the departments the caller may see, in the plan's order (a department role: its own) */
      departments: components['schemas']['DepartmentDashboardDto'][];
      /** @description the same figures summed over `departments` */
      totals: components['schemas']['DashboardFiguresDto'];
      indicators: components['schemas']['IndicatorSummaryDto'];
    };
    BulletinTaskDto: {
      /** Format: uuid */
      id: string;
      code: string | null;
      title: string;
      /** @example 2026-03-01 */
      dueDate: string;
      /** @enum {string} */
      status: 'assigned' | 'in_progress' | 'leader_review' | 'submitted' | 'completed' | 'cancelled';
      overdue: boolean;
      /** @description calendar days past the due date, 0 when not overdue */
      daysOverdue: number;
      /** @description a reminder of the current deadline went to a leader of the department */
      escalated: boolean;
    };
    BulletinItemDto: {
      /** @description by overdue, then escalated, descending; equal in both share a rank (1, 2, 2, 4) and follow the plan’s department order. Departments listed only for missed reports come last, by missedReports descending, ties alike */
      rank: number;
      code: string;
      name: string;
      /** @description open tasks it leads that are overdue */
      overdue: number;
      /** @description open tasks it leads whose current deadline’s reminders reached a leader (escalation) */
      escalated: number;
      overdueAndEscalated: number;
      maxDaysOverdue: number;
      /** @description report periods it owes (as lead, or as a reporting co-department) of open tasks never filed by their deadline (逾期未报), as DashboardFiguresDto.reports.missed */
      missedReports: number;
      /** @description up to five: the overdue, longest overdue first (then by id); then escalated tasks not yet overdue, soonest due first */
      worst: components['schemas']['BulletinTaskDto'][];
    };
    BulletinDto: {
      /** @example 2026-03-10 */
      asOf: string;
      /** @description only departments with overdue or escalated open work, or missed reports of open tasks */
      items: components['schemas']['BulletinItemDto'][];
    };
    CalendarFeedCreatedDto: {
      /**
       * @description the private feed URL; shown only now (only a hash of its token is stored). Subscribe to it in a calendar app; anyone with it sees your deadlines
       * @example https://duban.example.cn/api/v1/feeds/3q2-7wEJ0w1ZbE5hEXJyZ1n0kQ8m7yQ6lPZkqkD0tRw.ics
       */
      url: string;
      /** Format: date-time */
      createdAt: string;
    };
    CalendarFeedStatusDto: {
      /** @description the caller has a feed URL that works */
      active: boolean;
      /**
       * Format: date-time
       * @description when the working URL was made; null without one
       */
      createdAt: string | null;
    };
    BulkTaskRefDto: {
      /** Format: uuid */
      id: string;
      /** @description the version read (GET /tasks shows it) */
      version: number;
    };
    BulkSetDto: {
      coDepartments?: string[];
      /**
       * Format: uuid
       * @description a user of the lead department; changing leadDepartment without naming one clears it
       */
      assigneeId?: string;
      /**
       * Format: uuid
       * @description 督办责任人 (an active supervisor)
       */
      supervisorId?: string;
      /**
       * @description null makes the task open-ended (长期坚持, no final deadline): only a task with `reportEvery` (400 otherwise)
       * @example 2025-12-31
       */
      dueDate?: string | null;
    };
    BulkUpdateDto: {
      /** @description the tasks, each with the version read */
      ids: components['schemas']['BulkTaskRefDto'][];
      set: components['schemas']['BulkSetDto'];
    };
    BulkResultDto: {
      /** @description tasks changed */
      updated: number;
    };
    CellProblemDto: {
      /** @example 分工表 */
      sheet: string;
      /** @example 5 */
      row: number;
      /** @example 完成时限 */
      column: string;
      /** @example F5 */
      cell?: string;
      /** @example 完成时限「2025-02-30」不是有效日期 */
      message: string;
    };
    ImportedTaskDto: {
      sheet: string;
      row: number;
      /** @description the task's stable key, from its title and its parents' titles */
      code: string;
      /** @description the 序号 as written */
      label: string | null;
      title: string;
      description: string;
      leadDepartmentCode: string;
      coDepartmentCodes: string[];
      /** @description null: open-ended (长期坚持, 每季度 …: the 完成时限 names a cycle and no date) */
      dueDate: string | null;
      /**
       * @description the reporting cycle the 完成时限 names: 每月 P1M, 每季度 P3M, 每半年 P6M, 长期坚持 P3M
       * @enum {string|null}
       */
      reportEvery: 'P1M' | 'P3M' | 'P6M' | null;
      clauseRef: string | null;
      /** Format: uuid */
      supervisorId: string | null;
      /** @description the parent row's number, when the 序号 puts it under another */
      parentRow: number | null;
      /** @enum {string} */
      action: 'create' | 'update' | 'unchanged';
      /** @description the fields an update changes */
      changed: string[];
    };
    TaskImportReportDto: {
      dryRun: boolean;
      /** @description task rows read */
      rows: number;
      created: number;
      updated: number;
      unchanged: number;
      errors: components['schemas']['CellProblemDto'][];
      sheets: string[];
      /** @description the plan new rows join and clauses are read in (`?plan=`, else the current plan); null while no plan is loaded */
      planId: string | null;
      /** @description each row's task and what the import does (did) with it */
      tasks: components['schemas']['ImportedTaskDto'][];
      /** @description with errors (422): the first of them, in a sentence */
      message?: string;
    };
    AuditEntryDto: {
      seq: number;
      /** Format: date-time */
      at: string;
      /** @description null for the system (worker, seed) */
      actorId: string | null;
      actorName: string | null;
      actorEmail: string | null;
      /** @example task.approve */
      action: string;
      /**
       * @description the action's Chinese name
       * @example 审核通过
       */
      actionLabel: string;
      /**
       * @description the kind of object changed
       * @example task
       */
      entity: string;
      entityId: string;
      taskId: string | null;
      before: Record<string, never> | null;
      after: Record<string, never> | null;
      detail: Record<string, never> | null;
      /** @description the client address of the request that made the change (TRUST_PROXY-aware); null for the system's own */
      ip: string | null;
    };
    AuditPageDto: {
      items: components['schemas']['AuditEntryDto'][];
      /** @description items matching, on every page */
      total: number;
      page: number;
      limit: number;
    };
    ChainBreakDto: {
      seq: number;
      reason: string;
    };
    AuditChainDto: {
      /** @description entries checked before the first broken link (all of them when intact) */
      checked: number;
      /** @description the first broken link; null when the chain holds */
      broken: components['schemas']['ChainBreakDto'] | null;
      /** Format: date-time */
      verifiedAt: string;
    };
    DashboardTicketDto: {
      /**
       * @description open it in the browser within a minute, once
       * @example /admin/queues?ticket=…
       */
      url: string;
      /** Format: date-time */
      expiresAt: string;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  AuthController_login: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LoginDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LoginResultDto'];
        };
      };
      /** @description the account is locked after LOGIN_MAX_FAILURES failed logins within 15 minutes (for LOGIN_LOCK_MINUTES), even with the right password */
      423: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description too many attempts for this client and account */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AuthController_logout: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LoggedOutDto'];
        };
      };
    };
  };
  AuthController_changePassword: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ChangePasswordDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PasswordChangedDto'];
        };
      };
    };
  };
  AuthController_setPreferences: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PreferencesDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PreferencesDto'];
        };
      };
    };
  };
  AuthController_me: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SignedInUserDto'];
        };
      };
    };
  };
  UsersController_list: {
    parameters: {
      query?: {
        page?: unknown;
        limit?: unknown;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AccountPageDto'];
        };
      };
    };
  };
  UsersController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateUserDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreatedUserDto'];
        };
      };
    };
  };
  UsersController_directory: {
    parameters: {
      query?: {
        role?: 'admin' | 'supervisor' | 'leader' | 'liaison' | 'reviewer' | 'auditor' | 'security_admin';
        /** @description a department code */
        department?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DirectoryEntryDto'][];
        };
      };
    };
  };
  UsersController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateUserDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AccountDto'];
        };
      };
    };
  };
  UsersController_resetPassword: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TemporaryPasswordDto'];
        };
      };
    };
  };
  UsersController_importTemplate: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the workbook */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
        };
      };
    };
  };
  UsersController_import: {
    parameters: {
      query?: {
        /** @description default true */
        dryRun?: 'true' | 'false';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': {
          /** Format: binary */
          file: string;
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserImportReportDto'];
        };
      };
      /** @description the file has errors: no account was opened */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserImportReportDto'];
        };
      };
    };
  };
  PlanController_departments: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DepartmentDto'][];
        };
      };
    };
  };
  PlanController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PlanDto'][];
        };
      };
    };
  };
  PlanController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PlanDetailDto'];
        };
      };
    };
  };
  PlanController_carryOver: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CarryOverDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CarryOverResultDto'];
        };
      };
    };
  };
  PlanController_carryOvers: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CarryOverRecordDto'][];
        };
      };
    };
  };
  TasksController_list: {
    parameters: {
      query?: {
        page?: unknown;
        limit?: unknown;
        /** @description department code: tasks it leads or co-operates on */
        department?: string;
        status?: 'assigned' | 'in_progress' | 'leader_review' | 'submitted' | 'completed' | 'cancelled';
        /** @description only tasks past their due date and not completed */
        overdue?: boolean;
        /** @description only tasks of this light: red overdue; yellow due from today to the last day of the policy's warning window (warnBefore, counted in working days when the policy says workdays: true); green the rest and completed work */
        light?: 'green' | 'yellow' | 'red';
        /** @description due on or before this date */
        dueBefore?: string;
        /** @description text in title, description or code */
        q?: string;
        /** @description sub-tasks of this task */
        parentId?: string;
        /** @description only the work of this plan, by its id or its code (404 naming it when there is no such plan); absent: every plan's */
        plan?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TaskPageDto'];
        };
      };
    };
  };
  TasksController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateTaskDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TaskViewDto'];
        };
      };
    };
  };
  TasksController_reportsOwed: {
    parameters: {
      query?: {
        /** @description a department's code: the periods it owes, as lead or as a reporting co-department (supervisors and reviewers; a department's own people always see their own) */
        department?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OwedReportDto'][];
        };
      };
    };
  };
  TasksController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TaskDetailDto'];
        };
      };
    };
  };
  TasksController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateTaskDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TaskViewDto'];
        };
      };
    };
  };
  TasksController_accept: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['VersionedDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TaskViewDto'];
        };
      };
    };
  };
  TasksController_progress: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ProgressDto'];
      };
    };
    responses: {
      /** @description the report; with `period` it files that report period (定期报送) */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProgressReportDto'];
        };
      };
    };
  };
  TasksController_upload: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': {
          /** Format: binary */
          file: string;
        };
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EvidenceDto'];
        };
      };
    };
  };
  TasksController_download: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        evidenceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  TasksController_submit: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SubmitDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TaskViewDto'];
        };
      };
    };
  };
  TasksController_approve: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ApproveDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TaskViewDto'];
        };
      };
    };
  };
  TasksController_giveBack: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReasonDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TaskViewDto'];
        };
      };
    };
  };
  TasksController_signOff: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SignOffDto'];
      };
    };
    responses: {
      /** @description 承办单位负责人审签: the lead department's leader passes the completion report on to the supervisor (leader_review → submitted) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TaskViewDto'];
        };
      };
    };
  };
  TasksController_cancel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CancelDto'];
      };
    };
    responses: {
      /** @description 撤销: any open task; no more reminders, out of every metric; a reason is required */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TaskViewDto'];
        };
      };
    };
  };
  TasksController_reopen: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReasonDto'];
      };
    };
    responses: {
      /** @description completed or cancelled → in_progress (the approval and grade no longer stand); the ladder resumes where the deadline stands */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TaskViewDto'];
        };
      };
    };
  };
  TasksController_request: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ExtensionRequestDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExtensionRequestViewDto'];
        };
      };
    };
  };
  TasksController_approveExtension: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DecisionDto'];
      };
    };
    responses: {
      /** @description approved: the task takes the requested due date */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExtensionRequestViewDto'];
        };
      };
    };
  };
  TasksController_endorseExtension: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['EndorseDto'];
      };
    };
    responses: {
      /** @description On a task that requires sign-off: the lead department's leader agrees (→ pending, for the supervisor) or not (→ rejected) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExtensionRequestViewDto'];
        };
      };
    };
  };
  TasksController_rejectExtension: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DecisionDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExtensionRequestViewDto'];
        };
      };
    };
  };
  TasksController_reportSlots: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description 定期报送: the lead department's report periods with their deadline and state; empty without a cycle (co-departments' own periods: GET /tasks/:id/co-report-slots) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReportSlotDto'][];
        };
      };
    };
  };
  TasksController_coReportSlots: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CoDepartmentSlotsDto'][];
        };
      };
    };
  };
  TasksController_comments: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description comments and 领导批示 (instruction: true), oldest first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommentDto'][];
        };
      };
    };
  };
  TasksController_comment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['NewCommentDto'];
      };
    };
    responses: {
      /** @description a comment, or a 领导批示 by a supervisor or leader; a cancelled task is 409 */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommentDto'];
        };
      };
    };
  };
  TasksController_history: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TaskHistoryEntryDto'][];
        };
      };
    };
  };
  IndicatorsController_list: {
    parameters: {
      query?: {
        /** @description only the indicators this department owns */
        department?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['IndicatorDto'][];
        };
      };
    };
  };
  IndicatorsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['IndicatorDetailDto'];
        };
      };
    };
  };
  IndicatorsController_report: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReportIndicatorValueDto'];
      };
    };
    responses: {
      /** @description by a liaison of the indicator's department (another department's: 403) */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['IndicatorValueDto'];
        };
      };
    };
  };
  NotificationsController_list: {
    parameters: {
      query?: {
        page?: unknown;
        limit?: unknown;
        /** @description only notifications not yet read */
        unread?: boolean;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NotificationPageDto'];
        };
      };
    };
  };
  NotificationsController_unreadCount: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UnreadCountDto'];
        };
      };
    };
  };
  NotificationsController_preferences: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NotificationPreferencesDto'];
        };
      };
    };
  };
  NotificationsController_setPreferences: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MailPreferencesDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NotificationPreferencesDto'];
        };
      };
    };
  };
  NotificationsController_markAllRead: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MarkedAllReadDto'];
        };
      };
    };
  };
  NotificationsController_markRead: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MarkedReadDto'];
        };
      };
    };
  };
  HealthController_check: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The Health Check is successful */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /**
             * @example ok
             * @enum {string}
             */
            status?: 'ok' | 'degraded';
            /**
             * @example {
             *       "database": {
             *         "status": "up",
             *         "responseTime": 12
             *       }
             *     }
             */
            info?: {
              [key: string]: {
                /** @enum {string} */
                status: 'up' | 'degraded' | 'down';
                /** @description Time the health indicator took to respond, in ms */
                responseTime?: number;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /** @example {} */
            error?: {
              [key: string]: {
                /** @enum {string} */
                status: 'up' | 'degraded' | 'down';
                /** @description Time the health indicator took to respond, in ms */
                responseTime?: number;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /**
             * @example {
             *       "database": {
             *         "status": "up",
             *         "responseTime": 12
             *       }
             *     }
             */
            details?: {
              [key: string]: {
                /** @enum {string} */
                status: 'up' | 'degraded' | 'down';
                /** @description Time the health indicator took to respond, in ms */
                responseTime?: number;
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The Health Check is not successful */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /**
             * @example error
             * @enum {string}
             */
            status?: 'error' | 'shutting_down';
            /**
             * @example {
             *       "database": {
             *         "status": "up",
             *         "responseTime": 12
             *       }
             *     }
             */
            info?: {
              [key: string]: {
                /** @enum {string} */
                status: 'up' | 'degraded' | 'down';
                /** @description Time the health indicator took to respond, in ms */
                responseTime?: number;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /**
             * @example {
             *       "redis": {
             *         "status": "down",
             *         "message": "Could not connect",
             *         "responseTime": 3005
             *       }
             *     }
             */
            error?: {
              [key: string]: {
                /** @enum {string} */
                status: 'up' | 'degraded' | 'down';
                /** @description Time the health indicator took to respond, in ms */
                responseTime?: number;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /**
             * @example {
             *       "database": {
             *         "status": "up",
             *         "responseTime": 12
             *       },
             *       "redis": {
             *         "status": "down",
             *         "message": "Could not connect",
             *         "responseTime": 3005
             *       }
             *     }
             */
            details?: {
              [key: string]: {
                /** @enum {string} */
                status: 'up' | 'degraded' | 'down';
                /** @description Time the health indicator took to respond, in ms */
                responseTime?: number;
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
  };
  CalendarController_list: {
    parameters: {
      query?: {
        /** @description the year whose packaged holidays and make-up workdays to list with the administrators' entries; without it, every administrator's entry */
        year?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the days that differ from Monday–Friday, by date */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CalendarDayDto'][];
        };
      };
    };
  };
  CalendarController_coverage: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CalendarCoverageDto'];
        };
      };
    };
  };
  CalendarController_set: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description YYYY-MM-DD */
        date: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SetCalendarDayDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CalendarDayDto'];
        };
      };
    };
  };
  CalendarController_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description YYYY-MM-DD */
        date: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  WebhooksController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description 404 when the department has no robot */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookDto'];
        };
      };
    };
  };
  WebhooksController_set: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SetWebhookDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookDto'];
        };
      };
    };
  };
  WebhooksController_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  DeliveriesController_list: {
    parameters: {
      query?: {
        page?: unknown;
        limit?: unknown;
        /** @description failed: the messages given up after DELIVERY_GIVE_UP_MS of retries */
        status?: 'pending' | 'sent' | 'failed';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeliveryPageDto'];
        };
      };
    };
  };
  AssessmentsController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AssessmentCycleDto'][];
        };
      };
    };
  };
  AssessmentsController_open: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['OpenAssessmentDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AssessmentCycleDto'];
        };
      };
    };
  };
  AssessmentsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        year: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AssessmentCycleDetailDto'];
        };
      };
    };
  };
  AssessmentsController_departments: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        year: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DepartmentAssessmentDto'][];
        };
      };
    };
  };
  AssessmentsController_score: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        year: number;
        code: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ScoreDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReviewerScoreDto'];
        };
      };
    };
  };
  AssessmentsController_finalize: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        year: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AssessmentCycleDto'];
        };
      };
    };
  };
  AssessmentsController_workbook: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        year: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the workbook */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
        };
      };
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReportJobDto'];
        };
      };
    };
  };
  AssessmentsController_html: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        year: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the page */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/html': string;
        };
      };
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReportJobDto'];
        };
      };
    };
  };
  AssessmentsController_request: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        year: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RequestReportDto'];
      };
    };
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReportJobDto'];
        };
      };
    };
  };
  AssessmentsController_status: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        year: number;
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReportJobDto'];
        };
      };
    };
  };
  AssessmentsController_reportFile: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        year: number;
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  EvaluationController_get: {
    parameters: {
      query?: {
        /** @description the day evaluated, YYYY-MM-DD (its end); default today; not before 1 January of the plan’s first year (400) */
        asOf?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PlanEvaluationDto'];
        };
      };
    };
  };
  EvaluationController_workbook: {
    parameters: {
      query?: {
        /** @description the day evaluated, YYYY-MM-DD (its end); default today; not before 1 January of the plan’s first year (400) */
        asOf?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the workbook */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
        };
      };
    };
  };
  EvaluationController_html: {
    parameters: {
      query?: {
        /** @description the day evaluated, YYYY-MM-DD (its end); default today; not before 1 January of the plan’s first year (400) */
        asOf?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the page */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/html': string;
        };
      };
    };
  };
  EvaluationController_list: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EvaluationRecordDto'][];
        };
      };
    };
  };
  EvaluationController_save: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        /** @description the day evaluated (its end) */
        asOf: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['FindingsDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EvaluationRecordDto'];
        };
      };
    };
  };
  EvaluationController_finalize: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        /** @description the day evaluated (its end) */
        asOf: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EvaluationRecordDto'];
        };
      };
    };
  };
  DashboardController_summary: {
    parameters: {
      query?: {
        /** @description only this department (a department role may name only its own; another's is 404) */
        department?: string;
        /** @description only the work of this plan, by its id or its code (404 naming it when there is no such plan); absent: every plan's */
        plan?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DashboardDto'];
        };
      };
    };
  };
  DashboardController_bulletin: {
    parameters: {
      query?: {
        /** @description only the work of this plan, by its id or its code (404 naming it when there is no such plan); absent: every plan's */
        plan?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BulletinDto'];
        };
      };
    };
  };
  DashboardController_bulletinWorkbook: {
    parameters: {
      query?: {
        /** @description only the work of this plan, by its id or its code (404 naming it when there is no such plan); absent: every plan's */
        plan?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the workbook */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
        };
      };
    };
  };
  CalendarFeedController_status: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CalendarFeedStatusDto'];
        };
      };
    };
  };
  CalendarFeedController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CalendarFeedCreatedDto'];
        };
      };
    };
  };
  CalendarFeedController_revoke: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  CalendarFeedController_feed: {
    parameters: {
      query?: {
        /** @description only the work of this plan, by its id or its code (404 naming it when there is no such plan); absent: every plan's */
        plan?: string;
      };
      header?: never;
      path: {
        /** @description <token>.ics */
        file: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the feed */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/calendar': string;
        };
      };
      /** @description not an active feed */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description too many requests from this client */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  TaskExcelController_bulk: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['BulkUpdateDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BulkResultDto'];
        };
      };
    };
  };
  TaskExcelController_notice: {
    parameters: {
      query: {
        kind: 'supervise' | 'urge';
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the page */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/html': string;
        };
      };
    };
  };
  TaskExcelController_export: {
    parameters: {
      query?: {
        page?: unknown;
        limit?: unknown;
        /** @description department code: tasks it leads or co-operates on */
        department?: string;
        status?: 'assigned' | 'in_progress' | 'leader_review' | 'submitted' | 'completed' | 'cancelled';
        /** @description only tasks past their due date and not completed */
        overdue?: boolean;
        /** @description only tasks of this light: red overdue; yellow due from today to the last day of the policy's warning window (warnBefore, counted in working days when the policy says workdays: true); green the rest and completed work */
        light?: 'green' | 'yellow' | 'red';
        /** @description due on or before this date */
        dueBefore?: string;
        /** @description text in title, description or code */
        q?: string;
        /** @description sub-tasks of this task */
        parentId?: string;
        /** @description only the work of this plan, by its id or its code (404 naming it when there is no such plan); absent: every plan's */
        plan?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the workbook */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
        };
      };
    };
  };
  TaskExcelController_template: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the workbook */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
        };
      };
    };
  };
  TaskExcelController_import: {
    parameters: {
      query?: {
        /** @description the plan (id or code; 404 when unknown) whose clauses the 条款 column names and which new tasks join; default the current plan (CURRENT_PLAN, else the plan whose period starts last). A row whose task lives in another plan is an error: an import never moves a task between plans */
        plan?: unknown;
        /** @description default true */
        dryRun?: 'true' | 'false';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': {
          /** Format: binary */
          file: string;
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TaskImportReportDto'];
        };
      };
      /** @description the file has errors: nothing was imported */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TaskImportReportDto'];
        };
      };
    };
  };
  AuditController_list: {
    parameters: {
      query?: {
        page?: unknown;
        limit?: unknown;
        /** @description the actor: a user's id, email or name */
        actor?: string;
        /** @description an action (`auth.login_failed`), or every action of a domain (`task.*`) */
        action?: string;
        /** @description the kind of object changed (task, user, evidence, assessment…) */
        entity?: string;
        /** @description one object's id (with entity) */
        entityId?: string;
        /** @description from this day (in TZ), inclusive */
        from?: string;
        /** @description to this day (in TZ), inclusive */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuditPageDto'];
        };
      };
    };
  };
  AuditController_export: {
    parameters: {
      query?: {
        /** @description the actor: a user's id, email or name */
        actor?: string;
        /** @description an action (`auth.login_failed`), or every action of a domain (`task.*`) */
        action?: string;
        /** @description the kind of object changed (task, user, evidence, assessment…) */
        entity?: string;
        /** @description one object's id (with entity) */
        entityId?: string;
        /** @description from this day (in TZ), inclusive */
        from?: string;
        /** @description to this day (in TZ), inclusive */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the workbook */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
        };
      };
    };
  };
  AuditController_verify: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuditChainDto'];
        };
      };
    };
  };
  QueueDashboardController_ticket: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DashboardTicketDto'];
        };
      };
    };
  };
  MetricsController_scrape: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the metrics */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/plain': string;
        };
      };
    };
  };
}
