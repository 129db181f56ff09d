/** The group robots duban can post to; their markdown messages differ in shape. */
export enum WebhookKind {
  WeCom = 'wecom',
  DingTalk = 'dingtalk',
}

export interface OutgoingWebhook {
  kind: WebhookKind;
  url: string;
  title: string;
  /** Markdown. */
  text: string;
}

/** Posts a markdown message to a department's group robot. */
export abstract class WebhookDriver {
  /** Resolves when the robot accepted the message; rejects on a network error, a non-2xx answer or an `errcode` other than 0. */
  abstract post(message: OutgoingWebhook): Promise<void>;
}

/** The request body each robot expects. */
export function webhookBody(message: OutgoingWebhook): unknown {
  return message.kind === WebhookKind.DingTalk
    ? { msgtype: 'markdown', markdown: { title: message.title, text: message.text } }
    : { msgtype: 'markdown', markdown: { content: message.text } };
}

/** The URL with its query values (a robot's `key=` or `access_token=`, which is its password) cut short, for logs and audit entries. */
export function maskSecrets(url: string): string {
  try {
    const parsed = new URL(url);
    for (const [name, value] of [...parsed.searchParams]) parsed.searchParams.set(name, value.length > 4 ? `${value.slice(0, 4)}***` : '***');
    return parsed.toString();
  } catch {
    return '***';
  }
}
