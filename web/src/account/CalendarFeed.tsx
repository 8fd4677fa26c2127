import { Button, ButtonGroup, TextInput } from '@trussworks/react-uswds';
import { useRef, useState } from 'react';
import { toProblem } from '../api/problem';
import { CopyButton } from '../common/CopyButton';
import { Field } from '../common/Field';
import { FormProblem } from '../common/FormProblem';
import { Notice } from '../common/Notice';
import { useIssueCalendarFeed } from './queries';

/**
 * A secret URL of the court's hearing calendar for a calendar app (judges and clerks). The URL
 * lives in this page's memory only; asking again revokes the one issued before, so that asks first.
 */
export function CalendarFeed() {
  const issue = useIssueCalendarFeed();
  const [url, setUrl] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const get = () => {
    setAsking(false);
    issue.mutate(undefined, { onSuccess: (feed) => setUrl(feed.url) });
  };
  return (
    <section aria-labelledby="calendar-heading">
      <h2 id="calendar-heading">Hearing calendar subscription</h2>
      <p>
        A link your calendar app (Outlook, Google Calendar, Apple Calendar) subscribes to, to show the court’s scheduled hearings. The link
        is secret: whoever has it sees the court’s calendar, so do not share it. Asking for a new link stops the old one working.
      </p>
      {issue.error && <FormProblem problem={toProblem(issue.error)} />}
      {url && (
        <>
          <Field id="calendar-url" label="Your calendar link" hint="Paste it into your calendar app as a subscription (from URL).">
            <TextInput id="calendar-url" name="calendarUrl" type="text" inputRef={field} value={url} readOnly />
          </Field>
          <CopyButton text={url} label="Copy" shownIn={field} />
        </>
      )}
      {asking ? (
        <div role="group" aria-labelledby="calendar-replace-heading" className="margin-top-2">
          <Notice type="warning" heading="Replace your calendar link?">
            <p className="margin-0">The link above stops working at once; calendars subscribed to it need the new one.</p>
          </Notice>
          <ButtonGroup>
            <Button type="button" secondary onClick={get} disabled={issue.isPending}>
              Yes, replace the link
            </Button>
            <Button type="button" outline onClick={() => setAsking(false)}>
              Keep the link
            </Button>
          </ButtonGroup>
        </div>
      ) : (
        <p>
          <Button type="button" onClick={() => (url ? setAsking(true) : get())} disabled={issue.isPending}>
            {url ? 'Get a new calendar link' : 'Get a calendar link'}
          </Button>
        </p>
      )}
    </section>
  );
}
