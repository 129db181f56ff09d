import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Can, CurrentActor } from '../../../libs/auth/decorators.js';
import { InvalidInputError, UnsupportedMediaTypeError } from '../../../libs/common/errors.js';
import type { Actor } from '../../../libs/common/roles.js';
import { AppConfig } from '../../../libs/config/app-config.js';
import { EvidenceService } from '../../../libs/evidence/evidence.service.js';
import { CommentService } from '../../../libs/tasks/comment.service.js';
import { ExtensionService } from '../../../libs/tasks/extension.service.js';
import { TaskTransition } from '../../../libs/tasks/task-status.js';
import { TaskService } from '../../../libs/tasks/task.service.js';
import { evidenceUploadLimits } from '../../../libs/evidence/upload-limits.js';
import { malformedMultipart } from '../multipart.js';
import {
  ApproveDto,
  CreateTaskDto,
  DecisionDto,
  EvidenceDto,
  ExtensionRequestDto,
  ProgressDto,
  ReasonDto,
  CommentDto,
  NewCommentDto,
  ReportSlotDto,
  CoDepartmentSlotsDto,
  CancelDto,
  SignOffDto,
  EndorseDto,
  SubmitDto,
  ExtensionRequestViewDto,
  ProgressReportDto,
  TaskDetailDto,
  OwedReportDto,
  ReportsOwedQuery,
  TaskHistoryEntryDto,
  TaskViewDto,
  TaskListQuery,
  TaskPageDto,
  UpdateTaskDto,
  VersionedDto,
} from '../dto/task.dto.js';

/**
 * Task routes. `:id` is checked by the access guard (UUID, existence, scope)
 * before a handler runs, so handlers only delegate.
 */
@ApiTags('tasks')
@ApiBearerAuth()
@Controller()
export class TasksController {
  constructor(
    private readonly tasks: TaskService,
    private readonly extensions: ExtensionService,
    private readonly evidence: EvidenceService,
    private readonly config: AppConfig,
    private readonly conversation: CommentService,
  ) {}

  @Post('tasks')
  @Can('task.create')
  @ApiCreatedResponse({ type: TaskViewDto })
  create(@CurrentActor() actor: Actor, @Body() body: CreateTaskDto): Promise<TaskViewDto> {
    return this.tasks.create(actor, body);
  }

  @Get('tasks')
  @Can('task.list')
  @ApiOkResponse({ type: TaskPageDto })
  list(@CurrentActor() actor: Actor, @Query() query: TaskListQuery): Promise<TaskPageDto> {
    return this.tasks.list(actor, query);
  }

  @Get('report-slots/owed')
  @Can('task.list')
  @ApiOperation({
    summary:
      '本月待报: report periods (定期报送) of open tasks not filed and due by the end of this month, or missed — the caller’s department’s, or `department`’s; soonest deadline first',
  })
  @ApiOkResponse({ type: [OwedReportDto] })
  reportsOwed(@CurrentActor() actor: Actor, @Query() query: ReportsOwedQuery): Promise<OwedReportDto[]> {
    return this.tasks.reportsOwed(actor, query.department);
  }

  @Get('tasks/:id')
  @Can('task.read')
  @ApiOkResponse({ type: TaskDetailDto })
  get(@Param('id') id: string): Promise<TaskDetailDto> {
    return this.tasks.get(id);
  }

  @Patch('tasks/:id')
  @Can('task.edit')
  @ApiOkResponse({ type: TaskViewDto })
  update(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: UpdateTaskDto): Promise<TaskViewDto> {
    return this.tasks.update(actor, id, body);
  }

  @Post('tasks/:id/accept')
  @Can('task.accept')
  @HttpCode(200)
  @ApiOkResponse({ type: TaskViewDto })
  accept(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: VersionedDto): Promise<TaskViewDto> {
    return this.tasks.transition(actor, id, TaskTransition.Accept, body);
  }

  @Post('tasks/:id/progress')
  @Can('task.progress')
  @ApiCreatedResponse({ type: ProgressReportDto, description: 'the report; with `period` it files that report period (定期报送)' })
  progress(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: ProgressDto): Promise<ProgressReportDto> {
    return this.tasks.addProgress(actor, id, body);
  }

  @Post('tasks/:id/evidence')
  @Can('task.evidence.upload')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: EvidenceDto })
  async upload(@CurrentActor() actor: Actor, @Param('id') id: string, @Req() request: FastifyRequest) {
    if (!request.isMultipart()) throw new UnsupportedMediaTypeError('请以 multipart/form-data 上传，文件字段名为 file');
    const part = await request.file({ limits: evidenceUploadLimits(this.config) }).catch((error: unknown) => {
      throw malformedMultipart(error);
    });
    if (!part || part.fieldname !== 'file') {
      part?.file.resume();
      throw new InvalidInputError('缺少文件字段 file');
    }
    try {
      return await this.evidence.upload(actor, id, { stream: part.file, filename: part.filename, truncated: () => part.file.truncated });
    } catch (error) {
      throw malformedMultipart(error);
    } finally {
      // A refused upload leaves the rest of the body unread; drain it so the reply can go out.
      part.file.resume();
    }
  }

  @Get('tasks/:id/evidence/:evidenceId')
  @Can('task.evidence.read')
  async download(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('evidenceId') evidenceId: string, @Res() reply: FastifyReply) {
    if (!/^[0-9a-f-]{36}$/i.test(evidenceId)) throw new InvalidInputError(`evidenceId 必须是 UUID：${evidenceId}`);
    const { meta, stream } = await this.evidence.open(actor, id, evidenceId);
    return reply
      .header('content-type', meta.mimeType)
      .header('content-length', String(meta.size))
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(meta.filename)}`)
      .header('repr-digest', `sha-256=:${Buffer.from(meta.sha256, 'hex').toString('base64')}:`)
      .header('etag', `"${meta.sha256}"`)
      .header('x-content-type-options', 'nosniff')
      .send(stream);
  }

  @Post('tasks/:id/submit')
  @Can('task.submit')
  @HttpCode(200)
  @ApiOkResponse({ type: TaskViewDto })
  submit(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: SubmitDto): Promise<TaskViewDto> {
    return this.tasks.transition(actor, id, TaskTransition.Submit, body);
  }

  @Post('tasks/:id/approve')
  @Can('task.approve')
  @HttpCode(200)
  @ApiOkResponse({ type: TaskViewDto })
  approve(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: ApproveDto): Promise<TaskViewDto> {
    return this.tasks.transition(actor, id, TaskTransition.Approve, body);
  }

  @Post('tasks/:id/return')
  @Can('task.return')
  @HttpCode(200)
  @ApiOkResponse({ type: TaskViewDto })
  giveBack(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: ReasonDto): Promise<TaskViewDto> {
    return this.tasks.transition(actor, id, TaskTransition.Return, body);
  }

  @Post('tasks/:id/sign-off')
  @Can('task.signoff')
  @HttpCode(200)
  @ApiOkResponse({
    type: TaskViewDto,
    description: "承办单位负责人审签: the lead department's leader passes the completion report on to the supervisor (leader_review → submitted)",
  })
  signOff(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: SignOffDto): Promise<TaskViewDto> {
    return this.tasks.transition(actor, id, TaskTransition.SignOff, body);
  }

  @Post('tasks/:id/cancel')
  @Can('task.cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: TaskViewDto, description: '撤销: any open task; no more reminders, out of every metric; a reason is required' })
  cancel(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: CancelDto): Promise<TaskViewDto> {
    return this.tasks.transition(actor, id, TaskTransition.Cancel, body);
  }

  @Post('tasks/:id/reopen')
  @Can('task.reopen')
  @HttpCode(200)
  @ApiOkResponse({
    type: TaskViewDto,
    description: 'completed or cancelled → in_progress (the approval and grade no longer stand); the ladder resumes where the deadline stands',
  })
  reopen(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: ReasonDto): Promise<TaskViewDto> {
    return this.tasks.transition(actor, id, TaskTransition.Reopen, body);
  }

  @Post('tasks/:id/extension-requests')
  @Can('task.extension.request')
  @ApiCreatedResponse({ type: ExtensionRequestViewDto })
  request(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: ExtensionRequestDto): Promise<ExtensionRequestViewDto> {
    return this.extensions.request(actor, id, body);
  }

  @Post('extension-requests/:id/approve')
  @Can('extension.decide', 'extension-request')
  @HttpCode(200)
  @ApiOkResponse({ type: ExtensionRequestViewDto, description: 'approved: the task takes the requested due date' })
  approveExtension(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: DecisionDto): Promise<ExtensionRequestViewDto> {
    return this.extensions.decide(actor, id, true, body.comment);
  }

  @Post('extension-requests/:id/endorse')
  @Can('extension.endorse', 'extension-request')
  @HttpCode(200)
  @ApiOkResponse({
    type: ExtensionRequestViewDto,
    description: "On a task that requires sign-off: the lead department's leader agrees (→ pending, for the supervisor) or not (→ rejected)",
  })
  endorseExtension(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: EndorseDto): Promise<ExtensionRequestViewDto> {
    return this.extensions.endorse(actor, id, body.agree, body.comment);
  }

  @Post('extension-requests/:id/reject')
  @Can('extension.decide', 'extension-request')
  @HttpCode(200)
  @ApiOkResponse({ type: ExtensionRequestViewDto })
  rejectExtension(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: DecisionDto): Promise<ExtensionRequestViewDto> {
    return this.extensions.decide(actor, id, false, body.comment);
  }

  @Get('tasks/:id/report-slots')
  @Can('task.read')
  @ApiOkResponse({
    type: [ReportSlotDto],
    description:
      "定期报送: the lead department's report periods with their deadline and state; empty without a cycle (co-departments' own periods: GET /tasks/:id/co-report-slots)",
  })
  reportSlots(@Param('id') id: string): Promise<ReportSlotDto[]> {
    return this.tasks.reportSlots(id);
  }

  @Get('tasks/:id/co-report-slots')
  @Can('task.read')
  @ApiOperation({
    summary:
      "配合单位反馈: on a task with coDepartmentsReport, each co-department's report periods, its latest report and the periods it missed — every co-department for the lead department and supervisors, its own for a co-department; [] otherwise. A co-department files a period with POST /tasks/:id/progress {period} as its own liaison; its filing never fills the lead's period.",
  })
  @ApiOkResponse({ type: [CoDepartmentSlotsDto] })
  coReportSlots(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<CoDepartmentSlotsDto[]> {
    return this.tasks.coReportSlots(actor, id);
  }

  @Get('tasks/:id/comments')
  @Can('task.comment.read')
  @ApiOkResponse({ type: [CommentDto], description: 'comments and 领导批示 (instruction: true), oldest first' })
  comments(@Param('id') id: string) {
    return this.conversation.list(id);
  }

  @Post('tasks/:id/comments')
  @Can('task.comment')
  @ApiCreatedResponse({ type: CommentDto, description: 'a comment, or a 领导批示 by a supervisor or leader; a cancelled task is 409' })
  comment(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: NewCommentDto) {
    return this.conversation.add(actor, id, body);
  }

  @Get('tasks/:id/history')
  @Can('task.history')
  @ApiOkResponse({ type: [TaskHistoryEntryDto] })
  history(@Param('id') id: string): Promise<TaskHistoryEntryDto[]> {
    return this.tasks.history(id);
  }
}
