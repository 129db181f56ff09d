/** One mail, as the delivery row recorded it. */
export interface OutgoingMail {
  /** The delivery row's id: it names the Message-ID (and the .eml file). */
  id: string;
  to: string;
  subject: string;
  text: string;
  /** When the message was recorded: the Date header, the same on every resend. */
  date: Date;
}

/**
 * Sends mail. SMTP when SMTP_URL is set, else `.eml` files under DATA_DIR/mail.
 * Every message carries `Message-ID: <delivery-id@domain of MAIL_FROM>`, so a
 * resend after a crash is recognisable as the same message.
 */
export abstract class MailDriver {
  /**
   * Resolves once the message is accepted (by the server, or durably on disk)
   * and `onAccepted` (which records it) has run; rejects otherwise. A driver
   * lets at most one message be accepted and not yet recorded at a time.
   */
  abstract send(mail: OutgoingMail, onAccepted?: () => Promise<unknown>): Promise<void>;
  /** Throws when mail cannot be sent now (for /health). */
  abstract check(): Promise<void>;
  abstract close(): Promise<void>;
}

/** `<id@domain>`, the domain taken from the sender address (`duban <noreply@duban.local>` → `duban.local`). */
export function messageIdFor(deliveryId: string, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'duban.local';
  return `<${deliveryId}@${domain}>`;
}
