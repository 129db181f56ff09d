import type { JwtModuleOptions } from '@nestjs/jwt';
import type { KeyObject } from 'node:crypto';

/**
 * How duban's access tokens are signed and checked: one algorithm (HS256, so a token naming another — `none`,
 * HS512, an RSA key confusion — is refused before its signature is looked at), this issuer and this audience.
 */
export const TOKEN_CLAIMS = { algorithm: 'HS256', issuer: 'duban', audience: 'duban-api' } as const;

export function jwtOptions(secret: KeyObject | string, ttlSeconds?: number): JwtModuleOptions {
  const { algorithm, issuer, audience } = TOKEN_CLAIMS;
  return {
    secret,
    signOptions: { algorithm, issuer, audience, ...(ttlSeconds === undefined ? {} : { expiresIn: ttlSeconds }) },
    verifyOptions: { algorithms: [algorithm], issuer, audience },
  };
}
