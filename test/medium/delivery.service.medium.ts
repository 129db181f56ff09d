import { DeliveryService } from '../../libs/notifications/delivery.service.js';
import { NotificationDeliveryModule } from '../../libs/notifications/notifications.module.js';
import { DeliveryQueue } from '../../libs/notifications/delivery-queue.js';
import { MailDriver, type OutgoingMail } from '../../libs/mail/mail-driver.js';
import { WebhookDriver } from '../../libs/webhook/webhook-driver.js';
import { strictFake } from '../support/strict.js';
import { type Medium, startMedium } from './medium.js';

describe('DeliveryService on PostgreSQL', () => {
  let medium: Medium;
  let deliveries: DeliveryService;
  const sent: OutgoingMail[] = [];
  /** What the mail server does with the next message: accept it, or fail with this error. */
  let smtpFailure: Error | null = null;

  const record = async (fields: { channel?: string; target?: string; departmentCode?: string | null; agoMs?: number } = {}) => {
    const [row] = await medium.sql<{ id: string }>(
      `INSERT INTO delivery (channel, target, department_code, subject, body, created_at) VALUES ($1, $2, $3, '【督办提醒】测试', '正文', now() - $4 * interval '1 millisecond') RETURNING id`,
      [fields.channel ?? 'mail', fields.target ?? 'liaison@test.duban', fields.departmentCode ?? null, fields.agoMs ?? 0],
    );
    return row.id;
  };
  const rowOf = async (id: string) =>
    (
      await medium.sql<{ status: string; attempts: number; last_error: string | null; sent_at: Date | null }>(
        'SELECT status, attempts, last_error, sent_at FROM delivery WHERE id = $1',
        [id],
      )
    )[0];

  beforeAll(async () => {
    medium = await startMedium([NotificationDeliveryModule], {
      outside: [[DeliveryQueue, strictFake<DeliveryQueue>('DeliveryQueue', {})]],
      fakes: [
        [
          MailDriver,
          strictFake<MailDriver>('MailDriver', {
            send: async (mail: OutgoingMail, onAccepted?: () => Promise<unknown>) => {
              if (smtpFailure) throw smtpFailure;
              sent.push(mail);
              await onAccepted?.();
            },
            close: async () => undefined,
          }),
        ],
        // No test here reaches a robot: a call would fail the test.
        [WebhookDriver, strictFake<WebhookDriver>('WebhookDriver', {})],
      ],
    });
    deliveries = medium.get(DeliveryService);
  });
  afterAll(() => medium.close());
  beforeEach(() => {
    sent.length = 0;
    smtpFailure = null;
  });

  it('sends a pending mail once and records it; a second delivery of the same row sends nothing', async () => {
    const id = await record();
    expect(await deliveries.deliver(id)).toBe('sent');
    expect(sent).toEqual([expect.objectContaining({ id, to: 'liaison@test.duban', subject: '【督办提醒】测试', text: '正文' })]);
    expect(await rowOf(id)).toMatchObject({ status: 'sent', sent_at: expect.any(Date) });

    expect(await deliveries.deliver(id)).toBe('done-before');
    expect(sent).toHaveLength(1);
  });

  it('records a failed attempt and asks for a retry while the row is young', async () => {
    const id = await record();
    smtpFailure = new Error('421 try again later');
    await expect(deliveries.deliver(id)).rejects.toThrow('421 try again later');
    expect(await rowOf(id)).toEqual({ status: 'pending', attempts: 1, last_error: '421 try again later', sent_at: null });
  });

  it('gives up on a row older than DELIVERY_GIVE_UP_MS, and on a robot that no longer exists or a channel without a sender, without calling them', async () => {
    const old = await record({ agoMs: medium.config.DELIVERY_GIVE_UP_MS + 60_000 });
    smtpFailure = new Error('550 mailbox unavailable');
    expect(await deliveries.deliver(old)).toBe('gave-up');
    expect(await rowOf(old)).toMatchObject({ status: 'failed', last_error: '550 mailbox unavailable' });

    const robot = await record({ channel: 'webhook', target: 'https://robot.example/hook', departmentCode: 'tax' });
    expect(await deliveries.deliver(robot)).toBe('gave-up');
    expect(await rowOf(robot)).toMatchObject({ status: 'failed', last_error: '该部门的群机器人已删除或停用' });

    // No sender for the channel: given up at the first attempt, whatever the row's age.
    const unknown = await record({ channel: 'sms', target: '13800000000' });
    expect(await deliveries.deliver(unknown)).toBe('gave-up');
    expect(await rowOf(unknown)).toMatchObject({ status: 'failed', attempts: 1, last_error: '未知的发送渠道：sms' });
  });
});
