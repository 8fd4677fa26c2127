import { Logger } from '@nestjs/common';
import { mkdirSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';
import type { AppConfig } from '../common/config/app-config.js';

/** One e-mail, ready to hand to a transport. */
export interface OutgoingMail {
  /** The notification's id: names the .eml file of the file drop. */
  id: string;
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
  /** `<id@domain>`: the same message keeps the same id, however often it is handed over. */
  messageId: string;
  attachment: { filename: string; contentType: string; content: Buffer } | null;
}

/** Where mail goes: an SMTP server (SMTP_URL), or files under DATA_DIR/mail when none is configured. */
export abstract class MailTransport {
  /** Resolves once the message is accepted; rejects with the transport's error otherwise. */
  abstract send(mail: OutgoingMail): Promise<void>;
  abstract close(): Promise<void>;
  /** For logs and the demo: "smtp://host:port" (never credentials) or the directory. */
  abstract describe(): string;
}

const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

function message(from: string, mail: OutgoingMail): SendMailOptions {
  return {
    from,
    to: { name: mail.to.name, address: mail.to.address },
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
    attachments: mail.attachment ? [mail.attachment] : [],
    // An automatic message (RFC 3834): auto-responders do not answer it.
    headers: { 'Auto-Submitted': 'auto-generated' },
  };
}

/** nodemailer over SMTP with a small connection pool (a run of messages shares connections). */
export class SmtpMailTransport extends MailTransport {
  private readonly transporter: Transporter;

  constructor(
    private readonly url: string,
    private readonly from: string,
  ) {
    super();
    this.transporter = nodemailer.createTransport({ url, pool: true, maxConnections: 4, maxMessages: 100, ...TIMEOUTS });
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transporter.sendMail(message(this.from, mail));
  }

  async close(): Promise<void> {
    this.transporter.close();
  }

  describe(): string {
    const parsed = new URL(this.url);
    return `${parsed.protocol}//${parsed.host}`;
  }
}

/** No SMTP server: each message is written, as it would have been sent, to `<dir>/<notification id>.eml`. */
export class FileDropMailTransport extends MailTransport {
  private readonly transporter: Transporter;
  private readonly logger = new Logger(FileDropMailTransport.name);
  private announced = false;

  constructor(
    private readonly dir: string,
    private readonly from: string,
  ) {
    super();
    this.transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  }

  async send(mail: OutgoingMail): Promise<void> {
    const info = (await this.transporter.sendMail(message(this.from, mail))) as { message: Buffer };
    mkdirSync(this.dir, { recursive: true });
    const file = join(this.dir, `${mail.id}.eml`);
    // Written whole or not at all: a reader never sees half a message.
    await writeFile(`${file}.part`, info.message, { mode: 0o600 });
    await rename(`${file}.part`, file);
    if (!this.announced) {
      this.announced = true;
      this.logger.log({ dir: this.dir }, 'SMTP_URL is not set: e-mail is written as .eml files');
    }
  }

  async close(): Promise<void> {
    this.transporter.close();
  }

  describe(): string {
    return this.dir;
  }
}

/** The transport the configuration asks for. */
export function mailTransportFor(config: AppConfig): MailTransport {
  return config.smtpUrl
    ? new SmtpMailTransport(config.smtpUrl, config.mailFrom)
    : new FileDropMailTransport(join(config.dataDir, 'mail'), config.mailFrom);
}

/** The domain of MAIL_FROM, for Message-IDs. */
export function mailDomain(config: AppConfig): string {
  const address = /<([^>]+)>/.exec(config.mailFrom)?.[1] ?? config.mailFrom;
  return address.split('@')[1] ?? 'localhost';
}
