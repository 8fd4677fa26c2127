import { Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export type ChartPart = 'agencies' | 'hours' | 'overdue' | 'trend';

export interface ChartData {
  agencies: { name: string; rate: number | null; le: number | null; ncmec: number | null }[];
  overdue: { type: string; overdue: number }[];
  trend: { label: string; rate: number | null; overdue: number }[];
}

// USWDS colours with at least 3:1 against white (WCAG 1.4.11, graphics).
const BLUE = '#005ea2';
const GOLD = '#936f38';
const RED = '#b50909';
const HEIGHT = 260;

/**
 * The compliance figures as charts (Recharts, loaded as its own chunk). Each chart is a picture of
 * the table after it, which has the same numbers for screen readers and keyboards.
 */
export default function ComplianceCharts({ data, part, label }: { data: ChartData; part: ChartPart; label: string }) {
  return (
    <figure className="compliance-chart margin-x-0" role="img" aria-label={`${label} (chart; the numbers are in the table that follows)`}>
      <ResponsiveContainer width="100%" height={part === 'overdue' ? HEIGHT + 120 : HEIGHT}>
        {part === 'agencies' ? (
          <BarChart data={data.agencies} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="name" />
            <YAxis domain={[0, 100]} unit="%" width={48} />
            <Tooltip />
            <Bar dataKey="rate" name="On time" unit="%" fill={BLUE} isAnimationActive={false} />
          </BarChart>
        ) : part === 'hours' ? (
          <BarChart data={data.agencies} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="name" />
            <YAxis unit=" h" width={48} />
            <Tooltip />
            <Legend />
            <Bar dataKey="le" name="To the law-enforcement report" unit=" h" fill={BLUE} isAnimationActive={false} />
            <Bar dataKey="ncmec" name="To the NCMEC report" unit=" h" fill={GOLD} isAnimationActive={false} />
          </BarChart>
        ) : part === 'overdue' ? (
          <BarChart data={data.overdue} layout="vertical" accessibilityLayer={false} margin={{ left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="type" width={130} interval={0} tick={{ fontSize: 11 }} />
            <Tooltip />
            <Bar dataKey="overdue" name="Overdue" fill={RED} isAnimationActive={false} />
          </BarChart>
        ) : (
          <ComposedChart data={data.trend} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} />
            <YAxis yAxisId="rate" domain={[0, 100]} unit="%" width={48} />
            <YAxis yAxisId="count" orientation="right" allowDecimals={false} width={40} />
            <Tooltip />
            <Legend />
            <Bar yAxisId="count" dataKey="overdue" name="Overdue" fill={RED} isAnimationActive={false} />
            <Line
              yAxisId="rate"
              dataKey="rate"
              name="On time"
              unit="%"
              stroke={BLUE}
              strokeWidth={2}
              connectNulls
              isAnimationActive={false}
            />
          </ComposedChart>
        )}
      </ResponsiveContainer>
    </figure>
  );
}
