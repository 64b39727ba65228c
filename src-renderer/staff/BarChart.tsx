import { useId } from 'react';
import { UserText } from '../user-text/UserText';
import { withoutBidiControls } from '../../src-shared/text/free-text';

export interface Bar {
  id: string;
  label: string;
  count: number;
  /** 0–1 of all answers. */
  share: number;
  lang?: string;
}

interface BarChartProps {
  title: string;
  bars: readonly Bar[];
  formatValue: (bar: Bar) => string;
}

const width = 1000;
const rowHeight = 96;
const labelSize = 30;
const barTop = 40;
const barHeight = 40;
const valueRoom = 190;

/** Counts and shares per option as horizontal bars, drawn here; the numbers also stand as a table for screen readers. */
export function BarChart({ title, bars, formatValue }: BarChartProps) {
  const titleId = useId();
  const height = Math.max(rowHeight, bars.length * rowHeight);
  return (
    <figure className="chart bar-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={titleId} preserveAspectRatio="xMinYMin meet">
        <title id={titleId}>{title}</title>
        {bars.map((bar, index) => {
          const top = index * rowHeight;
          // Scaled to all answers, as the council report is: one answer of two fills half the track.
          const length = (width - valueRoom) * Math.min(1, Math.max(0, bar.share));
          return (
            <g key={bar.id} data-bar={bar.id}>
              <text x={0} y={top + labelSize} fontSize={labelSize} fill="#1d1b19" lang={bar.lang} className="user-svg-text">
                {withoutBidiControls(bar.label)}
              </text>
              <rect x={0} y={top + barTop} width={width - valueRoom} height={barHeight} rx={8} fill="#e9e2d8" />
              <rect x={0} y={top + barTop} width={Math.max(bar.count > 0 ? 6 : 0, length)} height={barHeight} rx={8} fill="#00695c" />
              <text x={width - valueRoom + 14} y={top + barTop + barHeight - 10} fontSize={labelSize} fontWeight={700} fill="#1d1b19">
                {formatValue(bar)}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="visually-hidden">
        <caption>{title}</caption>
        <tbody>
          {bars.map((bar) => (
            <tr key={bar.id}>
              <th scope="row">
                <UserText text={bar.label} lang={bar.lang} />
              </th>
              <td>{formatValue(bar)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
