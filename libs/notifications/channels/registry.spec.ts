import { strictFake } from '../../../test/support/strict.js';
import type { DeliveryEntity } from '../../db/entities/delivery.entity.js';
import { DeliveryChannel } from '../../vocabulary/notifications.js';
import { type DeliverySender, Undeliverable } from './delivery-sender.js';
import { DeliverySenders } from './registry.js';

/** A sender that only knows its channel and how to send: displaying or describing would fail the test. */
const sender = (channel: DeliveryChannel, sent: string[]) =>
  strictFake<DeliverySender>(`${channel} sender`, {
    channel,
    send: async (row: DeliveryEntity, record: () => Promise<boolean>) => {
      sent.push(`${channel}:${row.id}`);
      await record();
    },
  });
const row = (channel: string) => ({ id: 'd1', channel }) as DeliveryEntity;

describe('DeliverySenders', () => {
  it('hands each row to the sender of its channel, and lists every channel', async () => {
    const sent: string[] = [];
    const senders = new DeliverySenders([sender(DeliveryChannel.Mail, sent), sender(DeliveryChannel.Webhook, sent)]);
    const recorded: string[] = [];

    await senders.get(DeliveryChannel.Webhook).send(row('webhook'), async () => recorded.push('webhook') > 0);
    await senders.get(DeliveryChannel.Mail).send(row('mail'), async () => recorded.push('mail') > 0);

    expect(sent).toEqual(['webhook:d1', 'mail:d1']);
    expect(recorded).toEqual(['webhook', 'mail']);
    expect(senders.channels()).toEqual([DeliveryChannel.Mail, DeliveryChannel.Webhook]);
  });

  it('gives up at once on a channel nobody sends (no sender is called)', () => {
    const senders = new DeliverySenders([sender(DeliveryChannel.Mail, []), sender(DeliveryChannel.Webhook, [])]);
    expect(senders.find('sms')).toBeUndefined();
    expect(() => senders.get('sms')).toThrow(Undeliverable);
    expect(() => senders.get('sms')).toThrow('未知的发送渠道：sms');
  });

  it('refuses to start with a channel sent twice or not at all', () => {
    expect(() => new DeliverySenders([sender(DeliveryChannel.Mail, []), sender(DeliveryChannel.Mail, [])])).toThrow(
      /渠道 mail 有多个发送器.*渠道 webhook 没有发送器/,
    );
  });
});
