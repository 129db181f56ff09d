import type { FastifyRequest } from 'fastify';

/**
 * Login attempts per client address and account per minute (LOGIN_RATE_LIMIT),
 * so guessing one password is slow while other accounts still log in.
 * Checked before the handler, after the body is parsed (it names the account).
 */
export const LOGIN_RATE_LIMIT = {
  max: (request: FastifyRequest) => (request.server as unknown as { loginRateLimit?: number }).loginRateLimit ?? 10,
  timeWindow: 60_000,
  hook: 'preHandler' as const,
  keyGenerator: (request: FastifyRequest) => {
    const email = (request.body as { email?: unknown } | undefined)?.email;
    return `${request.ip}|${typeof email === 'string' ? email.toLowerCase() : ''}`;
  },
  errorResponseBuilder: (_: FastifyRequest, context: { after: string }) => ({
    statusCode: 429,
    error: 'Too Many Requests',
    message: `登录尝试过于频繁，请 ${context.after} 后再试`,
  }),
};

/**
 * Feed fetches per client address per minute: calendar apps poll every few
 * minutes at most, so this only slows someone trying tokens.
 */
export const FEED_RATE_LIMIT = {
  max: 60,
  timeWindow: 60_000,
  errorResponseBuilder: (_: FastifyRequest, context: { after: string }) => ({
    statusCode: 429,
    error: 'Too Many Requests',
    message: `请求过于频繁，请 ${context.after} 后再试`,
  }),
};
