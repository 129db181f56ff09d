import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { Can, CurrentActor } from '../../../libs/auth/decorators.js';
import { UserService } from '../../../libs/auth/user.service.js';
import type { Actor } from '../../../libs/common/roles.js';
import { CreateUserDto, UserDto } from '../dto/auth.dto.js';
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

  @Post()
  @Can('user.create')
  @ApiCreatedResponse({ type: UserDto })
  create(@CurrentActor() actor: Actor, @Body() body: CreateUserDto): Promise<UserDto> {
    return this.users.create(actor, body);
  }
}
