import { describeDeadline, formatInstant } from './time';
import { useNow } from './useNow';

/** A deadline as "due in 3 h 10 min" / "overdue by 2 h" with the instant in the court's zone. */
export function Deadline({ dueAt, zone, done = false }: { dueAt: string; zone: string; done?: boolean }) {
  const now = useNow();
  const overdue = !done && new Date(dueAt) < now;
  return (
    <span className="deadline">
      {!done && <span className={overdue ? 'countdown-overdue' : 'countdown'}>{describeDeadline(dueAt, now)}</span>}
      {!done && <br />}
      <time dateTime={dueAt} className="text-base">
        {formatInstant(dueAt, zone)}
      </time>
    </span>
  );
}
