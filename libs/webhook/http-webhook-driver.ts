import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { type OutgoingWebhook, webhookBody, WebhookDriver } from './webhook-driver.js';
import { type WebhookPolicy, WebhookRefused, type WebhookTarget } from './webhook-policy.js';
import { WEBHOOK_MESSAGES } from './webhook.messages.js';

/** The most of a robot's answer read: theirs is a short JSON object; a larger body is cut off, not buffered. */
export const MAX_ANSWER_BYTES = 16 * 1024;

/**
 * WeCom and DingTalk robots over node:http(s), each call bounded by a timeout. The URL and
 * the addresses its host resolves to are checked by the policy first, and the connection
 * goes to the checked address (a pinned lookup). Redirects are not followed, and nothing a
 * server answered reaches the error text but its HTTP status or a robot's errcode and errmsg.
 */
export class HttpWebhookDriver extends WebhookDriver {
  constructor(
    private readonly policy: WebhookPolicy,
    private readonly timeoutMs: number,
  ) {
    super();
  }

  async post(message: OutgoingWebhook): Promise<void> {
    const signal = AbortSignal.timeout(this.timeoutMs);
    let answer: { status: number; text: string };
    try {
      const target = await this.policy.resolve(message.url, signal);
      answer = await send(target, Buffer.from(JSON.stringify(webhookBody(message))), signal);
    } catch (error) {
      if (error instanceof WebhookRefused) throw error;
      if (signal.aborted) throw new Error(WEBHOOK_MESSAGES.timeout(this.timeoutMs), { cause: error });
      const code = (error as NodeJS.ErrnoException).code;
      throw new Error(WEBHOOK_MESSAGES.unreachable(code ?? (error as Error).message), { cause: error });
    }
    const { status, text } = answer;
    if (status >= 300 && status < 400) throw new WebhookRefused(WEBHOOK_MESSAGES.redirected);
    if (status < 200 || status >= 300) throw new Error(WEBHOOK_MESSAGES.httpStatus(status));
    // Both robots answer 200 with {errcode, errmsg}; errcode 0 is success (e.g. 45009 is WeCom's rate limit).
    let parsed: { errcode?: unknown; errmsg?: unknown } = {};
    try {
      parsed = JSON.parse(text) as typeof parsed;
    } catch {
      return; // Not JSON: a 2xx from a relay that does not echo the robot's answer.
    }
    if (parsed === null || typeof parsed !== 'object' || parsed.errcode === undefined || Number(parsed.errcode) === 0) return;
    // The errmsg of an allowed robot host says what is wrong (a bad key, a rate limit): kept, but short and on one line.
    const code = Number.isFinite(Number(parsed.errcode)) ? String(Number(parsed.errcode)) : WEBHOOK_MESSAGES.unknownErrcode;
    const reason = typeof parsed.errmsg === 'string' ? ` ${parsed.errmsg.replace(/\s+/g, ' ').slice(0, 200)}` : '';
    throw new Error(WEBHOOK_MESSAGES.rejected(code, reason));
  }
}

/** One POST to the checked address; resolves with the status and (for a 2xx) at most MAX_ANSWER_BYTES of the body. */
function send(target: WebhookTarget, body: Buffer, signal: AbortSignal): Promise<{ status: number; text: string }> {
  const request = target.url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      outcome();
    };
    const req = request(
      target.url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length },
        // A connection of its own, to the address checked: no socket of an earlier call, no second lookup.
        agent: false,
        lookup: pinned(target),
        signal,
      },
      (res: IncomingMessage) => {
        const status = res.statusCode ?? 0;
        if (status < 200 || status >= 300) {
          // Its body is not read: only the status is reported.
          res.destroy();
          settle(() => resolve({ status, text: '' }));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          if (settled) return;
          chunks.push(chunk.subarray(0, MAX_ANSWER_BYTES - size));
          size += chunk.length;
          if (size >= MAX_ANSWER_BYTES) {
            res.destroy();
            settle(() => resolve({ status, text: Buffer.concat(chunks).toString('utf8') }));
          }
        });
        res.on('end', () => settle(() => resolve({ status, text: Buffer.concat(chunks).toString('utf8') })));
        res.on('error', (error) => settle(() => reject(error)));
        res.on('close', () => settle(() => reject(new Error(WEBHOOK_MESSAGES.cutOff))));
      },
    );
    req.on('error', (error) => settle(() => reject(error)));
    req.end(body);
  });
}

/** A lookup that answers the address already checked, whatever is asked (Node asks with `all` when it tries several families). */
function pinned(target: WebhookTarget): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
}
