import type { FigureRow } from '../../../shared/contract';
import { shortDuration } from './time';

export type Measure = 'dispatch' | 'arrive' | 'clear';
export const MEASURE_WORDS: Record<Measure, string> = {
  dispatch: 'To dispatch',
  arrive: 'To arrive',
  clear: 'To clear',
};

const W = 640;
const H = 170;
const PAD = { left: 66, right: 12, top: 12, bottom: 26 };
/** An axis label in minutes: "15 min", "7.5 min", "45 s". */
const axisWords = (seconds: number) =>
  seconds < 60 ? `${Math.round(seconds)} s` : `${Number((seconds / 60).toFixed(1))} min`;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A round top for the scale, in seconds: 1, 2, 5, 10, 15, 30 or 60 minutes and on. */
function niceTop(max: number): number {
  const steps = [60, 120, 300, 600, 900, 1800, 3600, 7200, 14_400];
  return steps.find((s) => s >= max) ?? Math.ceil(max / 3600) * 3600;
}

interface FiguresChartProps {
  months: (FigureRow & { month: string })[];
  measure: Measure;
  branchName: string;
}

/** One measure per month: the median as a line with points, the 90th percentile dashed above it. */
export function FiguresChart({ months, measure, branchName }: FiguresChartProps) {
  const points = months.map((m) => ({ month: m.month, s: m[measure] }));
  const known = points.filter((p) => p.s);
  if (known.length === 0) return <p className="muted">No call reached this step in these months.</p>;
  const top = niceTop(Math.max(...known.map((p) => p.s!.p90)));
  const x = (i: number) =>
    PAD.left + (points.length === 1 ? 0.5 : i / (points.length - 1)) * (W - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - v / top) * (H - PAD.top - PAD.bottom);
  const path = (pick: (s: NonNullable<(typeof points)[number]['s']>) => number) =>
    points
      .map((p, i) =>
        p.s ? `${i === 0 || !points[i - 1]!.s ? 'M' : 'L'}${x(i).toFixed(1)},${y(pick(p.s)).toFixed(1)}` : '',
      )
      .join(' ');
  const last = known.at(-1)!;
  const label =
    `${MEASURE_WORDS[measure]} at ${branchName}, median and 90th percentile per month. ` +
    `Latest month: median ${shortDuration(last.s!.median)}, 90th percentile ${shortDuration(last.s!.p90)}. ` +
    'The table below has every figure.';
  const every = Math.ceil(points.length / 12);
  return (
    <figure className="figures-chart">
      <figcaption className="chart-legend">
        <span className="legend-median">━ median</span> <span className="legend-p90">┅ 90th percentile</span>{' '}
        <span className="muted">{MEASURE_WORDS[measure].toLowerCase()}</span>
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line className="chart-grid" x1={PAD.left} x2={W - PAD.right} y1={y(top * f)} y2={y(top * f)} />
            <text className="chart-axis" x={PAD.left - 6} y={y(top * f) + 4} textAnchor="end">
              {axisWords(top * f)}
            </text>
          </g>
        ))}
        {points.map((p, i) =>
          i % every === 0 ? (
            <text key={p.month} className="chart-axis" x={x(i)} y={H - 8} textAnchor="middle">
              {MONTHS[Number(p.month.slice(5)) - 1]}
            </text>
          ) : null,
        )}
        <path className="chart-p90" d={path((s) => s.p90)} />
        <path className="chart-median" d={path((s) => s.median)} />
        {points.map((p, i) =>
          p.s ? (
            <g key={p.month}>
              <circle className="chart-point-p90" cx={x(i)} cy={y(p.s.p90)} r={3.5} />
              <circle className="chart-point" cx={x(i)} cy={y(p.s.median)} r={4} />
            </g>
          ) : null,
        )}
      </svg>
    </figure>
  );
}
