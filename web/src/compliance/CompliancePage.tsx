import { Button } from '@trussworks/react-uswds';
import { lazy, Suspense, useMemo, useState, type ReactNode } from 'react';
import { fieldErrors, toProblem } from '../api/problem';
import type { ObligationType } from '../api/views';
import { useUser } from '../auth/session';
import { Field } from '../common/Field';
import { FormProblem } from '../common/FormProblem';
import { LoadError, Loading } from '../common/Notice';
import { formatDate, todayIn, zoneLabel } from '../common/time';
import { usePageTitle } from '../common/usePageTitle';
import { useCourtZone } from '../directory/queries';
import { DUTIES } from '../episodes/labels';
import { courtTotals, formatHours, formatRate, lastMonths, onTimeRate, overdueByType } from './compliance-figures';
import type { ChartData, ChartPart } from './ComplianceCharts';
import { summaryCsvPath, useComplianceSummary, useMonthlySummaries, type Period } from './queries';
import { NumbersTable } from './NumbersTable';
import './compliance.css';

// The chart library is its own chunk, fetched after the numbers show.
const ComplianceCharts = lazy(() => import('./ComplianceCharts'));
const TYPES = Object.keys(DUTIES) as ObligationType[];
const TREND_MONTHS = 12;
const BOUNDS: { key: keyof Period; label: string; hint: string }[] = [
  { key: 'from', label: 'From', hint: 'Default: 365 days before the end' },
  { key: 'to', label: 'To', hint: 'Default: today' },
];

/** A chart and, after it, its numbers as a table. */
function Figure({ title, part, data, children }: { title: string; part: ChartPart; data: ChartData; children: ReactNode }) {
  const id = `figure-${part}`;
  return (
    <section aria-labelledby={id} className="compliance-figure">
      <h2 id={id}>{title}</h2>
      <Suspense fallback={<Loading what="Drawing the chart" />}>
        <ComplianceCharts data={data} part={part} label={title} />
      </Suspense>
      {children}
    </section>
  );
}

/** Each agency's compliance with the court's orders, as charts with their numbers in tables, and the CSV. */
export default function CompliancePage() {
  usePageTitle('Compliance');
  const { courtId } = useUser();
  const zone = useCourtZone(courtId);
  const [draft, setDraft] = useState<Period>({});
  const [period, setPeriod] = useState<Period>({});
  const summary = useComplianceSummary(period);
  const months = useMemo(() => lastMonths(todayIn(zone), TREND_MONTHS), [zone]);
  const monthly = useMonthlySummaries(months);
  const problem = summary.error ? toProblem(summary.error) : null;
  const errors = fieldErrors(problem);

  const s = summary.data;
  const data: ChartData = {
    agencies: (s?.agencies ?? []).map((a) => ({
      name: a.name ?? 'No agency',
      rate: onTimeRate(a.obligations),
      le: a.medianHoursToLawEnforcementReport,
      ncmec: a.medianHoursToNcmecReport,
    })),
    overdue: s ? overdueByType(s.agencies, TYPES).map(({ type, overdue }) => ({ type: DUTIES[type].name, overdue })) : [],
    trend: months.map((month, i) => {
      const answer = monthly[i]?.data;
      const totals = answer ? courtTotals(answer) : null;
      return { label: month.label, rate: totals ? onTimeRate(totals) : null, overdue: totals?.overdue ?? 0 };
    }),
  };
  const trendReady = monthly.every((q) => q.data);

  return (
    <>
      <h1>Compliance</h1>
      <p className="text-base">
        Duties of the episodes discovered in the period, by the agency that owes them. Days are the court’s ({zoneLabel(zone)}).
      </p>
      <form
        className="usa-form maxw-none compliance-period"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setPeriod({ ...(draft.from ? { from: draft.from } : {}), ...(draft.to ? { to: draft.to } : {}) });
        }}
      >
        <FormProblem
          problem={problem && problem.status === 400 ? problem : null}
          fieldErrors={errors}
          fieldIds={{ from: 'period-from', to: 'period-to' }}
        />
        {BOUNDS.map(({ key, label, hint }) => (
          <Field key={key} id={`period-${key}`} label={label} hint={hint} error={errors[key]}>
            <input
              className="usa-input"
              type="date"
              name={key}
              value={draft[key] ?? ''}
              onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
            />
          </Field>
        ))}
        <Button type="submit">Show the period</Button>
        <a className="usa-button usa-button--outline" href={summaryCsvPath(period)} download>
          Download CSV
        </a>
      </form>

      {summary.isPending ? (
        <Loading />
      ) : !s ? (
        problem?.status !== 400 && <LoadError error={summary.error} />
      ) : (
        <>
          <p>
            From {formatDate(s.from)} to {formatDate(s.to)}: {s.agencies.reduce((n, a) => n + a.episodes, 0)} episodes.
          </p>
          {s.agencies.length === 0 && <p>No episode was discovered in this period.</p>}
          <Figure title="On time, by agency" part="agencies" data={data}>
            <NumbersTable
              caption="Duties by agency: done on time, late, overdue, open and waived"
              columns={['Agency', 'Episodes', 'Duties', 'On time', 'Late', 'Overdue', 'Open', 'Waived', 'On-time rate']}
              rows={s.agencies.map((a, i) => ({
                key: a.agencyId ?? 'none',
                cells: [
                  data.agencies[i].name,
                  a.episodes,
                  a.obligations.total,
                  a.obligations.onTime,
                  a.obligations.late,
                  a.obligations.overdue,
                  a.obligations.open,
                  a.obligations.waived,
                  formatRate(data.agencies[i].rate),
                ],
              }))}
            />
            <p className="usa-hint">
              On-time rate: of the duties that came due (done on time, done late, or overdue), the share done on time.
            </p>
          </Figure>
          <Figure title="Median hours to the reports" part="hours" data={data}>
            <NumbersTable
              caption="Median hours from discovery to the law-enforcement and NCMEC reports, by agency"
              columns={['Agency', 'To the law-enforcement report', 'To the NCMEC report']}
              rows={data.agencies.map((a, i) => ({
                key: s.agencies[i].agencyId ?? 'none',
                cells: [a.name, formatHours(a.le), formatHours(a.ncmec)],
              }))}
            />
          </Figure>
          <Figure title="Overdue now, by duty" part="overdue" data={data}>
            <NumbersTable
              caption="Duties overdue now, by type, all agencies"
              columns={['Duty', 'Overdue']}
              rows={data.overdue.map((row) => ({ key: row.type, cells: [row.type, row.overdue] }))}
            />
          </Figure>
        </>
      )}

      <Figure title="Month by month" part="trend" data={data}>
        {!trendReady ? (
          <Loading what="Adding up the months" />
        ) : (
          <NumbersTable
            caption={`The last ${TREND_MONTHS} months, all agencies: on-time rate and duties overdue now`}
            columns={['Month', 'On-time rate', 'Overdue']}
            rows={data.trend.map((row) => ({ key: row.label, cells: [row.label, formatRate(row.rate), row.overdue] }))}
          />
        )}
      </Figure>
    </>
  );
}
