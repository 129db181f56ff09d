import { messageIdFor } from '../mail/mail-driver.js';
import { maskSecrets, webhookBody, WebhookKind } from './webhook-driver.js';

describe('outgoing message formats', () => {
  const message = { url: 'https://robot', title: '督办提醒', text: '### 督办提醒\n> 已逾期 **3** 天' };

  it('posts WeCom markdown as content, DingTalk markdown with a title', () => {
    expect(webhookBody({ ...message, kind: WebhookKind.WeCom })).toEqual({ msgtype: 'markdown', markdown: { content: message.text } });
    expect(webhookBody({ ...message, kind: WebhookKind.DingTalk })).toEqual({ msgtype: 'markdown', markdown: { title: '督办提醒', text: message.text } });
  });

  it('masks robot keys', () => {
    expect(maskSecrets('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx')).toBe(
      'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a***',
    );
    expect(maskSecrets('https://oapi.dingtalk.com/robot/send?access_token=abc')).toBe('https://oapi.dingtalk.com/robot/send?access_token=***');
    expect(maskSecrets('not a url')).toBe('***');
  });

  it('derives the Message-ID from the delivery and the sender domain', () => {
    expect(messageIdFor('5f0c', 'duban <noreply@duban.local>')).toBe('<5f0c@duban.local>');
    expect(messageIdFor('5f0c', 'ducha@taixing.gov.cn')).toBe('<5f0c@taixing.gov.cn>');
  });
});
