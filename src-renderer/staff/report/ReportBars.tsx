import { useId } from 'react';
import { UserText } from '../../user-text/UserText';
import { withoutBidiControls } from '../../../src-shared/text/free-text';

export interface ReportBar {
  id: string;
  label: string;
  /** How long the bar is, 0–1; `null` is a small group, drawn as a dashed stub and read as "< 5". */
  fraction: number | null;
  caption: string;
  /** A second, thinner bar under the first: the previous period, 0–1. */
  previous?: number;
}

interface ReportBarsProps {
  title: string;
  bars: readonly ReportBar[];
}

const width = 640;
const labelRoom = 190;
const captionRoom = 170;

/** Compact horizontal bars for a printed page; the same figures stand in a list for screen readers. */
export function ReportBars({ title, bars }: ReportBarsProps) {
  const titleId = useId();
  const hasPrevious = bars.some((bar) => bar.previous !== undefined);
  const rowHeight = hasPrevious ? 30 : 24;
  const barRoom = width - labelRoom - captionRoom;
  return (
    <figure className="report-bars" aria-labelledby={titleId}>
      {/* The title may be a poll's question, a person's words. */}
      <figcaption id={titleId} className="visually-hidden">
        <UserText text={title} />
      </figcaption>
      <svg viewBox={`0 0 ${width} ${bars.length * rowHeight + 2}`} aria-hidden="true" focusable="false">
        {bars.map((bar, index) => {
          const y = index * rowHeight;
          const length = bar.fraction === null ? barRoom / 12 : Math.round(bar.fraction * barRoom);
          return (
            <g key={bar.id}>
              <text x="0" y={y + 16} className="report-bar-label user-svg-text">
                {withoutBidiControls(bar.label)}
              </text>
              <rect x={labelRoom} y={y + 4} width={barRoom} height="14" className="report-bar-track" />
              <rect x={labelRoom} y={y + 4} width={length} height="14" className={bar.fraction === null ? 'report-bar-hidden' : 'report-bar'} />
              {bar.previous === undefined ? null : <rect x={labelRoom} y={y + 20} width={Math.round(bar.previous * barRoom)} height="6" className="report-bar-previous" />}
              <text x={labelRoom + barRoom + 8} y={y + 16} className="report-bar-label">
                {bar.caption}
              </text>
            </g>
          );
        })}
      </svg>
      <ul className="visually-hidden">
        {bars.map((bar) => (
          <li key={bar.id}>
            <UserText text={bar.label} />: {bar.caption}
          </li>
        ))}
      </ul>
    </figure>
  );
}
