import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  eventId: string;
  headers: IncomingMessage['headers'];
  body: string;
  json: {
    eventId: string;
    type: string;
    occurredAt: string;
    data: Record<string, unknown>;
  };
  /** The status this receiver answered (null: it never answered). */
  answered: number | null;
}

/** What to do with the next delivery of an event: answer with a status, or hold the request and never answer. */
export type Behaviour = (delivery: Received, attempt: number) => number | 'hold';

/**
 * The court's case-management system, as far as the webhook can tell: a real
 * HTTP server on a free port that records every delivery and answers as told.
 */
export class Receiver {
  readonly deliveries: Received[] = [];
  behaviour: Behaviour = () => 200;
  private server: Server | null = null;
  private held: ServerResponse[] = [];

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const json = JSON.parse(body) as Received['json'];
        const delivery: Received = {
          eventId: json.eventId,
          headers: req.headers,
          body,
          json,
          answered: null,
        };
        this.deliveries.push(delivery);
        const attempt = this.deliveries.filter((d) => d.eventId === json.eventId).length;
        const answer = this.behaviour(delivery, attempt);
        if (answer === 'hold') {
          this.held.push(res);
          return;
        }
        delivery.answered = answer;
        res.writeHead(answer, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/cms/hooks`;
  }

  of(eventId: string): Received[] {
    return this.deliveries.filter((d) => d.eventId === eventId);
  }

  ofType(type: string): Received[] {
    return this.deliveries.filter((d) => d.json.type === type);
  }

  async stop(): Promise<void> {
    for (const res of this.held) res.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
