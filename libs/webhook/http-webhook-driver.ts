import { type OutgoingWebhook, webhookBody, WebhookDriver } from './webhook-driver.js';

/** WeCom and DingTalk robots over the global fetch, each call bounded by a timeout. */
export class FetchWebhookDriver extends WebhookDriver {
  constructor(private readonly timeoutMs: number) {
    super();
  }

  async post(message: OutgoingWebhook): Promise<void> {
    const response = await fetch(message.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(webhookBody(message)),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`群机器人返回 HTTP ${response.status}：${text.slice(0, 200)}`);
    // Both robots answer 200 with {errcode, errmsg}; errcode 0 is success (e.g. 45009 is WeCom's rate limit).
    let answer: { errcode?: unknown; errmsg?: unknown } = {};
    try {
      answer = JSON.parse(text) as typeof answer;
    } catch {
      return; // Not JSON: a 2xx from a relay that does not echo the robot's answer.
    }
    if (answer.errcode !== undefined && Number(answer.errcode) !== 0) {
      throw new Error(`群机器人拒绝了消息：errcode ${printable(answer.errcode)} ${printable(answer.errmsg ?? '')}`);
    }
  }
}

/** A field of the robot's answer as text: whatever it sent (an object would print as [object Object]). */
function printable(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
}
