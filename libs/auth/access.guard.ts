import {
  BadRequestException,
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  NotFoundException,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { isUUID } from 'class-validator';
import { ExtensionRepository } from '../db/repositories/extension.repository.js';
import { TaskRepository } from '../db/repositories/task.repository.js';
import type { Actor } from '../common/roles.js';
import { AuthService } from './auth.service.js';
import { type AuthenticatedRequest, PERMISSION_KEY, PUBLIC_KEY, TASK_PARAM_KEY } from './decorators.js';
import { decide, type Permission, permissionScope, type TaskDepartments, WHILE_PASSWORD_CHANGE_REQUIRED } from './permissions.js';
import { ACCESS_MESSAGES } from './auth.messages.js';

/**
 * The one place access is decided: authenticates the bearer token, then applies
 * the route's permission (role, and department scope for task routes). A route
 * with neither `@Public()` nor `@Can()` is refused, so nothing is open by accident.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly tasks: TaskRepository,
    private readonly extensions: ExtensionRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    request.actor = await this.authenticate(request);

    const permission = this.reflector.get<Permission | undefined>(PERMISSION_KEY, context.getHandler());
    if (!permission) throw new ForbiddenException(ACCESS_MESSAGES.unruledRoute);
    if (request.actor.mustChangePassword && !WHILE_PASSWORD_CHANGE_REQUIRED.includes(permission)) {
      throw new ForbiddenException({ statusCode: 403, error: 'password_change_required', message: ACCESS_MESSAGES.passwordChangeRequired });
    }
    const task = permissionScope(permission) ? await this.taskOf(request.params.id, this.reflector.get(TASK_PARAM_KEY, context.getHandler())) : undefined;
    const decision = decide(request.actor, permission, task, this.auth.duties);
    if (decision === 'not_found') throw new NotFoundException(this.notFoundMessage(context));
    if (decision === 'forbidden') throw new ForbiddenException(ACCESS_MESSAGES.forbidden);
    return true;
  }

  private async authenticate(request: AuthenticatedRequest): Promise<Actor> {
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw new UnauthorizedException(ACCESS_MESSAGES.missingToken);
    return this.auth.actorOf(match[1]);
  }

  private async taskOf(id: string | undefined, from: 'task' | 'extension-request'): Promise<TaskDepartments> {
    if (!id || !isUUID(id)) throw new BadRequestException(ACCESS_MESSAGES.idNotUuid(id ?? ''));
    const taskId = from === 'extension-request' ? (await this.extensions.findById(id))?.taskId : id;
    const task = taskId ? await this.tasks.findScope(taskId) : null;
    if (!task) throw new NotFoundException(from === 'task' ? ACCESS_MESSAGES.taskNotFound(id) : ACCESS_MESSAGES.extensionNotFound(id));
    return task;
  }

  private notFoundMessage(context: ExecutionContext): string {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    return this.reflector.get(TASK_PARAM_KEY, context.getHandler()) === 'extension-request'
      ? ACCESS_MESSAGES.extensionNotFound(request.params.id)
      : ACCESS_MESSAGES.taskNotFound(request.params.id);
  }
}
