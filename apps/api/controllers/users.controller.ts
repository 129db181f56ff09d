import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can, CurrentActor } from '../../../libs/auth/decorators.js';
import { UserService } from '../../../libs/auth/user.service.js';
import type { Actor } from '../../../libs/common/roles.js';
import { CreateUserDto, DirectoryEntryDto, DirectoryQuery, UpdateUserDto, UserDto } from '../dto/auth.dto.js';
import { PageQuery } from '../dto/common.dto.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UserService) {}

  @Get()
  @Can('user.list')
  async list(@Query() query: PageQuery) {
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
  update(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateUserDto) {
    return this.users.update(actor, id, body);
  }

  @Post(':id/reset-password')
  @Can('user.reset-password')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'A temporary password, shown once: `{temporaryPassword}`; the user must change it after signing in (403 password_change_required elsewhere); its sessions end',
  })
  resetPassword(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.users.resetPassword(actor, id);
  }

  @Post()
  @Can('user.create')
  @ApiCreatedResponse({ type: UserDto })
  create(@CurrentActor() actor: Actor, @Body() body: CreateUserDto): Promise<UserDto> {
    return this.users.create(actor, body);
  }
}
