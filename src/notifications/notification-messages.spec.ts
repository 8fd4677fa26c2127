import { MailTemplates } from './mail-templates.js';
import { eventKey, type NotificationEvent } from './notification-events.js';
import { buildMessage, courtTime } from './notification-messages.js';

const ids = {
  episodeId: '11111111-1111-4111-8111-111111111111',
  caseId: '22222222-2222-4222-8222-222222222222',
  courtId: '33333333-3333-4333-8333-333333333333',
};

const EVENTS: NotificationEvent[] = [
  { type: 'child.missing', ...ids, missingSince: '2026-03-08T07:30:00Z' },
  {
    type: 'obligation.overdue',
    ...ids,
    obligationId: '44444444-4444-4444-8444-444444444444',
    deadlineVersion: 2,
    obligationType: 'NCMEC_REPORT',
    dueAt: '2026-03-09T07:30:00Z',
    agencyId: null,
  },
  {
    type: 'evidence.rejected',
    ...ids,
    evidenceId: '55555555-5555-4555-8555-555555555555',
    obligationType: 'NCIC_ENTRY',
    submittedBy: null,
  },
  {
    type: 'hearing.scheduled',
    ...ids,
    hearingRequestId: '66666666-6666-4666-8666-666666666666',
    reason: 'CHILD_MISSING',
    scheduledFor: '2026-03-10T15:00:00Z',
    courtroom: 'Courtroom 3B',
  },
  {
    type: 'hearing.cancelled',
    ...ids,
    hearingRequestId: '66666666-6666-4666-8666-666666666666',
    reason: 'NON_COMPLIANCE',
    scheduledFor: null,
  },
  {
    type: 'order.signed',
    orderId: '77777777-7777-4777-8777-777777777777',
    orderNumber: '2026-IO-0003',
    kind: 'INDIVIDUAL',
    caseId: ids.caseId,
    courtId: ids.courtId,
  },
];

const caption = {
  docketNumber: 'JV-2026-<77>',
  courtName: 'Travis County Juvenile Court',
  timezone: 'America/Chicago',
  child: { firstName: 'Jamie', lastName: "O'Doe" },
};
const templates = new MailTemplates();

describe('mail messages', () => {
  it.each(EVENTS.map((e) => [e.type, e] as const))('%s renders its subject, text and HTML from templates/mail', (_type, event) => {
    const attachmentName = event.type === 'hearing.scheduled' || event.type === 'order.signed' ? 'document.pdf' : null;
    const { template, data } = buildMessage(
      event,
      caption,
      { name: 'Dana <Whitfield>' },
      { publicBaseUrl: 'https://court.example', attachmentName },
    );
    const message = templates.render(template, data);
    expect(message.subject).toContain('JV-2026-<77>');
    expect(message.subject).not.toMatch(/\n/);
    expect(message.text).toContain('Dana <Whitfield>,');
    expect(message.text).toContain('https://court.example/');
    // HTML escapes every value; the plain text prints it as it is.
    expect(message.html).toContain('Dana &lt;Whitfield&gt;');
    expect(message.html).toContain('JV-2026-&lt;77&gt;');
    expect(message.html).not.toContain('<Whitfield>');
    expect(message.html).toMatch(/^<!doctype html>/);
    expect(message.text).toContain('J.O.');
    expect(message.html).toContain('J.O.');
    for (const text of [message.subject, message.text, message.html]) expect(text).not.toMatch(/Jamie|Doe/);
  });

  it('links each event to its record in the web app', () => {
    const links = EVENTS.map(
      (e) => buildMessage(e, caption, { name: 'x' }, { publicBaseUrl: 'https://c.example', attachmentName: 'a.pdf' }).data.link,
    );
    expect(links).toEqual([
      `https://c.example/episodes/${ids.episodeId}`,
      `https://c.example/episodes/${ids.episodeId}`,
      `https://c.example/episodes/${ids.episodeId}`,
      'https://c.example/hearing-requests/66666666-6666-4666-8666-666666666666',
      'https://c.example/hearing-requests/66666666-6666-4666-8666-666666666666',
      'https://c.example/orders/77777777-7777-4777-8777-777777777777',
    ]);
  });

  it('refuses to render a message whose data lacks a variable its template prints (strict mode)', () => {
    const { data } = buildMessage(EVENTS[3], caption, { name: 'x' }, { publicBaseUrl: 'https://c.example', attachmentName: null });
    expect(() => templates.render('hearing-scheduled', data)).toThrow(/^templates\/mail\/hearing-scheduled: "name" not defined/);
  });

  it('names each event once: a new deadline version or a new hearing time is a new event', () => {
    const keys = EVENTS.map(eventKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(eventKey({ ...(EVENTS[1] as Extract<NotificationEvent, { type: 'obligation.overdue' }>), deadlineVersion: 3 })).not.toBe(
      keys[1],
    );
    expect(
      eventKey({ ...(EVENTS[3] as Extract<NotificationEvent, { type: 'hearing.scheduled' }>), scheduledFor: '2026-03-11T15:00:00Z' }),
    ).not.toBe(keys[3]);
  });

  it('prints instants in the court time zone across the DST change', () => {
    expect(courtTime('2026-03-08T07:30:00Z', 'America/Chicago')).toBe('March 8, 2026 at 1:30 AM CST');
    expect(courtTime('2026-03-08T08:30:00Z', 'America/Chicago')).toBe('March 8, 2026 at 3:30 AM CDT');
  });
});
