import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';
import { withTimeout } from '../common/throttled-log.js';
import { MailDriver, messageIdFor, type OutgoingMail } from './mail-driver.js';

/** Connections kept open to the SMTP server; the pool queues what exceeds them. */
const POOL_SIZE = 5;
const VERIFY_TIMEOUT_MS = 3000;
/** Longest the commit gate waits for a server's answer to the end of a message before letting the next one through. */
const COMMIT_WAIT_MS = 5000;

function message(from: string, mail: OutgoingMail): SendMailOptions {
  return { from, to: mail.to, subject: mail.subject, text: mail.text, messageId: messageIdFor(mail.id, from), date: mail.date };
}

/** Renders a message to its RFC 5322 bytes. */
class Composer {
  private readonly transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });

  constructor(private readonly from: string) {}

  async bytes(mail: OutgoingMail): Promise<Buffer> {
    return (await this.transport.sendMail(message(this.from, mail))).message as Buffer;
  }

  close(): void {
    this.transport.close();
  }
}

/**
 * SMTP through nodemailer's pooled transport, with a commit gate: several
 * messages travel at once, but each one's end of data (the moment the server
 * accepts it) waits until the message accepted before it has been recorded
 * (`onAccepted`). So at any instant at most one message is accepted but not
 * yet recorded, and a crash resends at most one mail.
 *
 * Why the window cannot be shared: the server commits a message when it reads
 * the final dot, and a record is only safe after the server's 250 (recorded
 * earlier, a kill in between loses the mail). A group commit recording k
 * accepted mails in one UPDATE leaves k accepted-unrecorded mails at the
 * moment of a kill: k duplicates. So each mail needs, in turn, one round trip
 * to the SMTP server (dot → 250) and one to PostgreSQL (markSent); everything
 * else (rendering, connecting, MAIL FROM, RCPT TO, the body) overlaps on the
 * pooled connections. Keeping that second round trip short (an asynchronous
 * commit, see DeliveryRepository.markSent) is what raises the rate.
 */
export class SmtpMailDriver extends MailDriver {
  private readonly transport: Transporter;
  private readonly composer: Composer;
  private readonly envelopeFrom: string;
  private gate: Promise<void> = Promise.resolve();

  constructor(url: string, from: string) {
    super();
    this.composer = new Composer(from);
    this.envelopeFrom = /<([^>]+)>/.exec(from)?.[1] ?? from.trim();
    this.transport = nodemailer.createTransport({
      url,
      pool: true,
      maxConnections: POOL_SIZE,
      maxMessages: 1000,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 60_000,
    });
  }

  async send(mail: OutgoingMail, onAccepted?: () => Promise<unknown>): Promise<void> {
    const bytes = await this.composer.bytes(mail);
    let turn: Promise<() => void> | undefined;
    const takeTurn = () => (turn ??= this.takeTurn());
    let started = false;
    // Read only while a pooled connection is sending this message: the turn is taken
    // when the body has gone out, so its holder is always waiting for a live server.
    const body = new Readable({
      read() {
        if (started) {
          void takeTurn().then(() => this.push(null));
          return;
        }
        started = true;
        this.push(bytes);
      },
    });
    try {
      await this.transport.sendMail({ envelope: { from: this.envelopeFrom, to: [mail.to] }, raw: body });
      await onAccepted?.();
    } finally {
      if (turn) (await turn)();
    }
  }

  async check(): Promise<void> {
    await withTimeout(this.transport.verify(), VERIFY_TIMEOUT_MS, 'SMTP 服务器检查');
  }

  async close(): Promise<void> {
    this.transport.close();
    this.composer.close();
  }

  /** Waits for the previous holder; resolves with this holder's release (also called after COMMIT_WAIT_MS). */
  private takeTurn(): Promise<() => void> {
    const previous = this.gate;
    let done!: () => void;
    this.gate = new Promise<void>((resolve) => (done = resolve));
    return previous.then(() => {
      const timer = setTimeout(done, COMMIT_WAIT_MS);
      return () => {
        clearTimeout(timer);
        done();
      };
    });
  }
}

/**
 * Writes each message as `<delivery-id>.eml` in `dir` (the embedded default):
 * to a temporary name, synced, then renamed. A resend replaces the same file,
 * so a crash between writing and recording duplicates nothing.
 */
export class FileMailDriver extends MailDriver {
  private readonly composer: Composer;
  private ready?: Promise<unknown>;

  constructor(
    private readonly dir: string,
    from: string,
  ) {
    super();
    this.composer = new Composer(from);
  }

  async send(mail: OutgoingMail, onAccepted?: () => Promise<unknown>): Promise<void> {
    const bytes = await this.composer.bytes(mail);
    await (this.ready ??= mkdir(this.dir, { recursive: true }));
    const final = join(this.dir, `${mail.id}.eml`);
    const temporary = `${final}.${randomBytes(4).toString('hex')}.tmp`;
    const file = await open(temporary, 'w');
    try {
      await file.writeFile(bytes);
      await file.sync();
      await file.close();
    } catch (error) {
      await file.close().catch(() => undefined);
      await rm(temporary, { force: true });
      throw error;
    }
    await rename(temporary, final);
    await onAccepted?.();
  }

  async check(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await access(this.dir, constants.W_OK);
  }

  async close(): Promise<void> {
    this.composer.close();
  }
}
