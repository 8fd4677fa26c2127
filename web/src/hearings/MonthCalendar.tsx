import { Button } from '@trussworks/react-uswds';
import { DateTime } from 'luxon';
import type { CourtDay } from '../api/views';
import { LoadError, Loading } from '../common/Notice';
import { formatDate } from '../common/time';
import { monthGrid } from './month-grid';
import { useCourtMonth } from './queries';
import './hearings.css';

export interface CalendarEvent {
  date: string;
  label: string;
}

const WEEKDAYS = [
  ['Sun', 'Sunday'],
  ['Mon', 'Monday'],
  ['Tue', 'Tuesday'],
  ['Wed', 'Wednesday'],
  ['Thu', 'Thursday'],
  ['Fri', 'Friday'],
  ['Sat', 'Saturday'],
];

function closedClass(day: CourtDay): string {
  if (day.open) return '';
  if (day.closedBecause?.includes('weekend')) return 'closed weekend';
  if (day.closedBecause?.includes('holiday')) return 'closed holiday';
  return 'closed closure';
}

/** A month of court days (weekends, public holidays and the court's closures marked), with the hearings of the month on their days. */
export function MonthCalendar({
  courtId,
  month,
  onMonth,
  events,
}: {
  courtId: string;
  month: string;
  onMonth(month: string): void;
  events: CalendarEvent[];
}) {
  const court = useCourtMonth(courtId, month);
  const first = DateTime.fromISO(`${month}-01`);
  const title = first.toFormat('LLLL yyyy');
  const step = (months: number) => onMonth(first.plus({ months }).toFormat('yyyy-MM'));
  const byDate = new Map<string, string[]>();
  for (const event of events) byDate.set(event.date, [...(byDate.get(event.date) ?? []), event.label]);

  const weeks = monthGrid(court.data?.days ?? []);
  const closedDays = court.data?.days.filter((day) => !day.open && !day.closedBecause?.includes('weekend')) ?? [];
  const monthEvents = events.filter((event) => event.date.startsWith(month)).sort((a, b) => a.date.localeCompare(b.date));

  return (
    <section aria-labelledby="calendar-heading">
      <div className="calendar-nav">
        <h2 id="calendar-heading" className="margin-y-1">
          {title}
        </h2>
        <div>
          <Button type="button" outline onClick={() => step(-1)}>
            Previous month
          </Button>
          <Button type="button" outline onClick={() => step(1)}>
            Next month
          </Button>
        </div>
      </div>
      <p className="calendar-legend font-body-2xs">
        <span>
          <span className="swatch closed" aria-hidden="true" />
          Weekend
        </span>
        <span>
          <span className="swatch holiday" aria-hidden="true" />
          Holiday or closure
        </span>
        <span>
          <span className="swatch has-events" aria-hidden="true" />
          Hearing or target date
        </span>
      </p>
      {court.error && <LoadError error={court.error} />}
      {court.isPending ? (
        <Loading what="Loading the calendar" />
      ) : (
        <table className="calendar" aria-labelledby="calendar-heading">
          <thead>
            <tr>
              {WEEKDAYS.map(([short, long]) => (
                <th key={short} scope="col">
                  <abbr title={long}>{short}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((week, i) => (
              <tr key={i}>
                {week.map((day, j) => {
                  if (!day) return <td key={j} />;
                  const dayEvents = byDate.get(day.date) ?? [];
                  return (
                    <td key={day.date} data-date={day.date} className={`${closedClass(day)}${dayEvents.length ? ' has-events' : ''}`}>
                      <span className="calendar-day">{Number(day.date.slice(8))}</span>
                      {!day.open && <span className="calendar-mark calendar-detail">Closed: {day.closedBecause}</span>}
                      {dayEvents.map((label) => (
                        <span key={label} className="calendar-event calendar-detail">
                          {label}
                        </span>
                      ))}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {closedDays.length > 0 && (
        <>
          <h3>Closed this month besides weekends</h3>
          <ul className="usa-list" aria-label={`Closed days in ${title}`}>
            {closedDays.map((day) => (
              <li key={day.date}>
                {formatDate(day.date)}: {day.closedBecause}
              </li>
            ))}
          </ul>
        </>
      )}
      {monthEvents.length > 0 && (
        <>
          <h3>This month</h3>
          <ul className="usa-list" aria-label={`Hearings and target dates in ${title}`}>
            {monthEvents.map((event) => (
              <li key={`${event.date}-${event.label}`}>
                {formatDate(event.date)}: {event.label}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
