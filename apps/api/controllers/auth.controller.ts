import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { AuthService } from '../../../libs/auth/auth.service.js';
import { grantsOf } from '../../../libs/auth/permissions.js';
import { Can, CurrentActor, Public } from '../../../libs/auth/decorators.js';
import type { Actor } from '../../../libs/common/roles.js';
import { LoginDto, LoginResultDto, SignedInUserDto } from '../dto/auth.dto.js';
import { LOGIN_RATE_LIMIT } from '../rate-limit.js';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('auth/login')
  @Public()
  @HttpCode(200)
  @RouteConfig({ rateLimit: LOGIN_RATE_LIMIT })
  @ApiOperation({ summary: '登录，取得访问令牌' })
  @ApiOkResponse({ type: LoginResultDto })
  @ApiTooManyRequestsResponse({ description: 'too many attempts for this client and account' })
  login(@Body() body: LoginDto): Promise<LoginResultDto> {
    return this.auth.login(body.email, body.password);
  }

  @Get('me')
  @Can('me.read')
  @ApiBearerAuth()
  @ApiOkResponse({ type: SignedInUserDto })
  me(@CurrentActor() actor: Actor): SignedInUserDto {
    return { id: actor.id, email: actor.email, name: actor.name, role: actor.role, departmentCode: actor.departmentCode, permissions: grantsOf(actor.role) };
  }
}
