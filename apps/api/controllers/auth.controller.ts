import { Body, Controller, Get, HttpCode, Post, Put, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { UserService } from '../../../libs/auth/user.service.js';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { AuthService } from '../../../libs/auth/auth.service.js';
import { Can, CurrentActor, Public } from '../../../libs/auth/decorators.js';
import type { Actor } from '../../../libs/common/roles.js';
import { ChangePasswordDto, LoggedOutDto, LoginDto, LoginResultDto, PasswordChangedDto, PreferencesDto, SignedInUserDto } from '../dto/auth.dto.js';
import { LOGIN_RATE_LIMIT } from '../rate-limit.js';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UserService,
  ) {}

  @Post('auth/login')
  @Public()
  @HttpCode(200)
  @RouteConfig({ rateLimit: LOGIN_RATE_LIMIT })
  @ApiOperation({ summary: '登录，取得访问令牌' })
  @ApiOkResponse({ type: LoginResultDto })
  @ApiTooManyRequestsResponse({ description: 'too many attempts for this client and account' })
  @ApiResponse({
    status: 423,
    description: 'the account is locked after LOGIN_MAX_FAILURES failed logins within 15 minutes (for LOGIN_LOCK_MINUTES), even with the right password',
  })
  login(@Body() body: LoginDto, @Req() request: FastifyRequest): Promise<LoginResultDto> {
    return this.auth.login(body.email, body.password, request.ip);
  }

  @Post('auth/logout')
  @Can('auth.logout')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: '退出：ends the session the token names; the token answers 401 from the next request on, on every process' })
  @ApiOkResponse({ type: LoggedOutDto })
  async logout(@CurrentActor() actor: Actor): Promise<LoggedOutDto> {
    await this.auth.logout(actor);
    return { loggedOut: true };
  }

  @Post('me/password')
  @Can('me.password')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: '修改密码: the current password and a new one by the rule (400 naming it); every session of the user ends, this one included' })
  @ApiOkResponse({ type: PasswordChangedDto })
  async changePassword(@CurrentActor() actor: Actor, @Body() body: ChangePasswordDto): Promise<PasswordChangedDto> {
    await this.users.changePassword(actor, body.currentPassword, body.newPassword);
    return { changed: true };
  }

  @Put('me/preferences')
  @Can('me.preferences')
  @ApiBearerAuth()
  @ApiOperation({
    summary: '显示设置 (大字模式)',
    description:
      "The caller's own display settings, kept with the account: GET /me and the login answer return them (`largeText`), so the console shows 大字模式 on every computer and phone the user signs in on. The whole set is sent (`largeText` required; another field or a non-boolean is 400 naming it, and changes nothing). A change is audited (`user.preferences`, before and after); sending the value already held records nothing. Allowed while a password change is required, like /me and /me/password: the 修改密码 screen shows the switch.",
  })
  @ApiOkResponse({ type: PreferencesDto })
  setPreferences(@CurrentActor() actor: Actor, @Body() body: PreferencesDto): Promise<PreferencesDto> {
    return this.users.setPreferences(actor, { largeText: body.largeText });
  }

  @Get('me')
  @Can('me.read')
  @ApiBearerAuth()
  @ApiOkResponse({ type: SignedInUserDto })
  me(@CurrentActor() actor: Actor): SignedInUserDto {
    return {
      id: actor.id,
      email: actor.email,
      name: actor.name,
      role: actor.role,
      departmentCode: actor.departmentCode,
      permissions: this.auth.grants(actor.role),
      mustChangePassword: actor.mustChangePassword ?? false,
      largeText: actor.largeText ?? false,
    };
  }
}
