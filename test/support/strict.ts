/** What frameworks look for on any provider (Nest's lifecycle hooks) or value (a promise's `then`): absent on a fake. */
const PROBED = new Set(['then', 'onModuleInit', 'onApplicationBootstrap', 'onModuleDestroy', 'beforeApplicationShutdown', 'onApplicationShutdown']);

/**
 * A stand-in named `name` whose methods are only those given: calling any other method throws,
 * so an unexpected call fails the test (TypeScript's abstract methods leave no trace to check
 * the name against, so any other name is taken for a method).
 */
export function strictFake<T extends object>(name: string, methods: Partial<Record<keyof T, unknown>>): T {
  return new Proxy(methods, {
    get: (target, key) => {
      if (key in target) return target[key as keyof typeof target];
      if (typeof key !== 'string' || PROBED.has(key)) return undefined;
      return () => {
        throw new Error(`unexpected call: ${name}.${key}()`);
      };
    },
  }) as T;
}
