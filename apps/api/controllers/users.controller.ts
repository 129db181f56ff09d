import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Can, CurrentActor } from '../../../libs/auth/decorators.js';
import { UserImportService } from '../../../libs/auth/user-import.service.js';
import { UserService } from '../../../libs/auth/user.service.js';
import type { Actor } from '../../../libs/common/roles.js';
import {
  AccountDto,
  AccountPageDto,
  CreatedUserDto,
  CreateUserDto,
  DirectoryEntryDto,
  DirectoryQuery,
  TemporaryPasswordDto,
  UpdateUserDto,
  UserImportReportDto,
} from '../dto/auth.dto.js';
import { PageQuery } from '../dto/common.dto.js';
import { attachment, XLSX } from '../downloads.js';
import { ApiWorkbookImport, workbookImport } from '../multipart.js';
import { FILE_NAMES, HTTP_MESSAGES } from '../api.messages.js';

/** An account list of a few thousand rows is far below this. */
const USER_IMPORT_FILE_LIMIT = 5 * 1024 * 1024;

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UserService,
    private readonly imports: UserImportService,
  ) {}

  @Get()
  @Can('user.list')
  @ApiOkResponse({ type: AccountPageDto })
  async list(@Query() query: PageQuery): Promise<AccountPageDto> {
    const { items, total } = await this.users.list((query.page - 1) * query.limit, query.limit);
    return { items, total, page: query.page, limit: query.limit };
  }

  @Get('directory')
  @Can('user.directory')
  @ApiOperation({ summary: 'Active users by name, for choosing an assignee or an owning supervisor: `[{id, name, role, departmentCode}]` (no email or state)' })
  @ApiOkResponse({ type: [DirectoryEntryDto] })
  directory(@Query() query: DirectoryQuery): Promise<DirectoryEntryDto[]> {
    return this.users.directory(query.role, query.department);
  }

  @Patch(':id')
  @Can('user.update')
  @ApiOperation({ summary: "账号变更 with the version read: a deactivation, a role or a department change ends the user's sessions at once" })
  @ApiOkResponse({ type: AccountDto })
  update(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateUserDto): Promise<AccountDto> {
    return this.users.update(actor, id, body);
  }

  @Post(':id/reset-password')
  @Can('user.reset-password')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'A temporary password, shown once: `{temporaryPassword}`; the user must change it after signing in (403 password_change_required elsewhere); its sessions end',
  })
  @ApiOkResponse({ type: TemporaryPasswordDto })
  resetPassword(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string): Promise<TemporaryPasswordDto> {
    return this.users.resetPassword(actor, id);
  }

  @Get('import/template.xlsx')
  @Can('user.import')
  @ApiOperation({ summary: 'the 批量开户 template: 姓名, 邮箱, 角色, 所属部门, with drop-down lists of roles and departments' })
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: 'the workbook', schema: { type: 'string', format: 'binary' } })
  async importTemplate(@Res() reply: FastifyReply) {
    return reply
      .header('content-type', XLSX)
      .header('cache-control', 'no-store')
      .header('content-disposition', attachment('user-import-template.xlsx', FILE_NAMES.userImportTemplate))
      .send(await this.imports.template());
  }

  @Post('import')
  @Can('user.import')
  @HttpCode(200)
  @ApiWorkbookImport(
    '批量开户 from a workbook (姓名, 邮箱, 角色 by Chinese name or code, 所属部门 by name or code): dryRun=true (default) only checks; a file with any error opens no account (422 with the same report). Each account gets a temporary password, returned once in `users[].temporaryPassword`, to be changed at the first sign-in',
  )
  @ApiOkResponse({ type: UserImportReportDto })
  @ApiUnprocessableEntityResponse({ type: UserImportReportDto, description: 'the file has errors: no account was opened' })
  async import(
    @CurrentActor() actor: Actor,
    @Query('dryRun') dryRun: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UserImportReportDto> {
    return workbookImport(request, reply, { dryRun, maxBytes: USER_IMPORT_FILE_LIMIT, nothing: HTTP_MESSAGES.noAccountCreated }, (file, options) =>
      this.imports.import(actor, file, options),
    );
  }

  @Post()
  @Can('user.create')
  @ApiOperation({
    summary: '开户: with a password (by the rule) or without one (a temporary password is drawn and returned once); the first sign-in must change it',
  })
  @ApiCreatedResponse({ type: CreatedUserDto })
  create(@CurrentActor() actor: Actor, @Body() body: CreateUserDto): Promise<CreatedUserDto> {
    return this.users.create(actor, body);
  }
}
