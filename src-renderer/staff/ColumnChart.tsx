import { useId } from 'react';

export interface Column {
  key: string;
  label: string;
  count: number;
}

interface ColumnChartProps {
  title: string;
  columns: readonly Column[];
  /** Only every n-th label is drawn, so they never overlap. */
  labelEvery: number;
}

const width = 1000;
const height = 260;
const plotTop = 34;
const plotBottom = 210;

/** Answers over time (by day or by hour) as columns; the numbers also stand as a table. */
export function ColumnChart({ title, columns, labelEvery }: ColumnChartProps) {
  const titleId = useId();
  const highest = Math.max(1, ...columns.map((column) => column.count));
  const slot = width / Math.max(1, columns.length);
  // A few days would otherwise give columns as wide as the chart.
  const columnWidth = Math.min(80, Math.max(2, slot * 0.7));
  return (
    <figure className="chart column-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={titleId} preserveAspectRatio="xMinYMin meet">
        <title id={titleId}>{title}</title>
        <line x1={0} x2={width} y1={plotBottom} y2={plotBottom} stroke="#7a6f66" strokeWidth={2} />
        {columns.map((column, index) => {
          const columnHeight = ((plotBottom - plotTop) * column.count) / highest;
          const left = index * slot + (slot - columnWidth) / 2;
          const isLabelled = index % labelEvery === 0 || index === columns.length - 1;
          return (
            <g key={column.key}>
              <rect x={left} y={plotBottom - columnHeight} width={columnWidth} height={columnHeight} fill="#00695c" />
              {column.count > 0 && slot >= 30 ? (
                <text x={left + columnWidth / 2} y={plotBottom - columnHeight - 6} fontSize={22} textAnchor="middle" fill="#1d1b19">
                  {column.count}
                </text>
              ) : null}
              {isLabelled ? (
                <text x={left + columnWidth / 2} y={height - 14} fontSize={24} textAnchor="middle" fill="#4a443f">
                  {column.label}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <table className="visually-hidden">
        <caption>{title}</caption>
        <tbody>
          {columns
            .filter((column) => column.count > 0)
            .map((column) => (
              <tr key={column.key}>
                <th scope="row">{column.label}</th>
                <td>{column.count}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </figure>
  );
}
