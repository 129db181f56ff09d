import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Actor } from '../common/roles.js';
import type { Permission } from './permissions.js';

export const PUBLIC_KEY = 'duban:public';
export const PERMISSION_KEY = 'duban:permission';
export const TASK_PARAM_KEY = 'duban:task-param';

/**
 * The OpenAPI extensions that say who may call an operation, so clients and the
 * generated access-matrix and fuzz tests read each route's rule from `/api/docs-json`.
 */
export const OPENAPI_PUBLIC = 'x-public';
export const OPENAPI_PERMISSION = 'x-permission';
export const OPENAPI_TASK_FROM = 'x-task-from';

/** Reachable without a token (login, health, docs). */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_KEY, true), ApiExtension(OPENAPI_PUBLIC, true));

/**
 * The permission a route needs. For task-scoped permissions the guard finds the
 * task from the `:id` route parameter, or through `resolveTask` (e.g. an
 * extension request's task).
 */
export const Can =
  (permission: Permission, taskFrom: 'task' | 'extension-request' = 'task') =>
  (target: object, key?: string | symbol, descriptor?: PropertyDescriptor) => {
    SetMetadata(PERMISSION_KEY, permission)(target, key as string, descriptor as PropertyDescriptor);
    SetMetadata(TASK_PARAM_KEY, taskFrom)(target, key as string, descriptor as PropertyDescriptor);
    ApiExtension(OPENAPI_PERMISSION, permission)(target, key, descriptor as PropertyDescriptor);
    if (taskFrom !== 'task') ApiExtension(OPENAPI_TASK_FROM, taskFrom)(target, key, descriptor as PropertyDescriptor);
  };

export interface AuthenticatedRequest {
  actor?: Actor;
  params: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
}

/** The authenticated caller. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a public route');
  return actor;
});
