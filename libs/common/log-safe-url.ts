/** Query parameters that carry a credential: a token, a single-use ticket, a robot's key. */
const SECRET_PARAMS = /([?&](?:token|ticket|access_token|key|sig|signature)=)[^&#]*/gi;

/**
 * A request URL as a log line may carry it: a calendar feed's token (its path) and credential-bearing
 * query values replaced, whatever their case or position.
 */
export function logSafeUrl(url: string): string {
  return url.replace(/\/feeds\/[^/?#]+/, '/feeds/<token>').replace(SECRET_PARAMS, '$1***');
}
