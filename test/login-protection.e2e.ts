import { loadConfig } from '../libs/config/app-config.js';
import { ADMIN, startApp, type TestApp } from './support/app.js';

/**
 * The login limit per client address and account cannot be escaped by forging
 * X-Forwarded-For: only the proxies named in TRUST_PROXY are believed (none by default).
 */
describe('login protection: TRUST_PROXY', () => {
  const apps: TestApp[] = [];
  afterAll(async () => {
    for (const app of apps) await app.close();
  });
  const start = async (env: Record<string, string>) => {
    const app = await startApp({ LOGIN_RATE_LIMIT: '5', ...env });
    apps.push(app);
    return app;
  };
  /** Wrong passwords for the admin, each from a new forged address; the statuses answered. */
  const guesses = async (app: TestApp, n: number) => {
    const statuses: number[] = [];
    for (let i = 0; i < n; i++) {
      const res = await app.http
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', `203.0.113.${i + 1}`)
        .send({ email: ADMIN.email, password: `wrong-${i}` });
      statuses.push(res.status);
    }
    return statuses;
  };

  it('ignores a forged X-Forwarded-For by default: a sixth guess on one account is refused (429)', async () => {
    const app = await start({});
    const statuses = await guesses(app, 7);
    // The admin's own login this app made at start counts as one attempt in the window.
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expect(statuses.slice(4)).toEqual([429, 429, 429]);
    const res = await app.http.post('/api/v1/auth/login').set('X-Forwarded-For', '198.51.100.7').send({ email: ADMIN.email, password: ADMIN.password });
    expect(res.status).toBe(429);
    expect(res.body.message).toContain('登录尝试过于频繁');
  });

  it('believes X-Forwarded-For from a proxy named in TRUST_PROXY (each client address then has its own count), but the account locks whatever the address', async () => {
    // LOGIN_MAX_FAILURES high: this case is about the per-address limit alone.
    const app = await start({ TRUST_PROXY: '127.0.0.1', LOGIN_MAX_FAILURES: '100' });
    expect(await guesses(app, 7)).toEqual([401, 401, 401, 401, 401, 401, 401]);
    // With the default five, rotating addresses cannot buy a sixth guess: the account is locked (423).
    const locking = await start({ TRUST_PROXY: '127.0.0.1', LOGIN_RATE_LIMIT: '1000' });
    expect(await guesses(locking, 7)).toEqual([401, 401, 401, 401, 401, 423, 423]);
  });

  it('refuses a TRUST_PROXY that is not a list of addresses or ranges, naming it', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY/);
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' }).TRUST_PROXY).toBe('127.0.0.1, 10.0.0.0/8');
  });
});
