import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { RequestMethod, type Type } from '@nestjs/common';
import { PERMISSION_KEY, PUBLIC_KEY } from './decorators.js';
import { PERMISSIONS } from './permissions.js';

export interface RouteRule {
  /** `Controller.method`, for messages. */
  handler: string;
  method: string;
  /** The permission named by `@Can`, `'public'` for `@Public`, or null when the route has neither. */
  rule: string | null;
}

/**
 * Every route handler of `controllers` with the rule the access guard will apply to it.
 * A rule of null (no `@Can`, no `@Public`) or a permission missing from PERMISSIONS
 * is a route the guard refuses for everyone: a bug that `routesWithoutRule` names.
 */
export function routeRules(controllers: readonly Type[]): RouteRule[] {
  return controllers.flatMap((controller) => {
    const proto = controller.prototype as Record<string, unknown>;
    return Object.getOwnPropertyNames(proto)
      .filter((name) => name !== 'constructor' && typeof proto[name] === 'function' && Reflect.hasMetadata(PATH_METADATA, proto[name] as object))
      .map((name) => {
        const handler = proto[name] as object;
        const isPublic = (Reflect.getMetadata(PUBLIC_KEY, handler) ?? Reflect.getMetadata(PUBLIC_KEY, controller)) as boolean | undefined;
        const permission = Reflect.getMetadata(PERMISSION_KEY, handler) as string | undefined;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod] ?? 'GET';
        return { handler: `${controller.name}.${name}`, method, rule: isPublic ? 'public' : (permission ?? null) };
      });
  });
}

/** The routes the guard would refuse for lack of a rule, as `Controller.method` (empty when all is well). */
export function routesWithoutRule(controllers: readonly Type[]): string[] {
  return routeRules(controllers)
    .filter(({ rule }) => rule === null || (rule !== 'public' && !(rule in PERMISSIONS)))
    .map(({ handler, rule }) => (rule === null ? handler : `${handler} (unknown permission ${rule})`));
}
