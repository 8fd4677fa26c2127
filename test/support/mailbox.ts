import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';
import { freePort } from './wait.js';

/** One message as the SMTP server received it: the envelope, and the message parsed by mailparser. */
export interface ReceivedMail {
  /** RCPT TO of the envelope. */
  envelopeTo: string[];
  mail: ParsedMail;
  receivedAt: Date;
}

/**
 * A real SMTP server (smtp-server) on a port of this machine, as the court's
 * mail relay: it records every message accepted, refuses the recipients it is
 * told to (550), and can be stopped and started again on the same port.
 */
export class Mailbox {
  readonly received: ReceivedMail[] = [];
  /** Addresses answered `550 mailbox unavailable` at RCPT TO. */
  readonly refuse = new Set<string>();
  port = 0;
  private server: SMTPServer | null = null;

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (!this.port) this.port = await freePort();
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      closeTimeout: 100,
      onRcptTo: (address: SMTPServerAddress, _session, callback) => {
        if (this.refuse.has(address.address.toLowerCase())) {
          const error = new Error('mailbox unavailable') as Error & { responseCode: number };
          error.responseCode = 550;
          callback(error);
          return;
        }
        callback();
      },
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            this.received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), mail, receivedAt: new Date() });
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(this.port, '127.0.0.1', () => resolve());
    });
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  to(address: string): ReceivedMail[] {
    return this.received.filter((r) => r.envelopeTo.some((a) => a.toLowerCase() === address.toLowerCase()));
  }

  withSubject(pattern: RegExp): ReceivedMail[] {
    return this.received.filter((r) => pattern.test(r.mail.subject ?? ''));
  }
}
