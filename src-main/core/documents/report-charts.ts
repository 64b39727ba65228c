import type { CouncilReport } from '../../../src-shared/contract/report';
import { shownCountText, visibleCount, type ShownCount } from '../../../src-shared/privacy/small-groups';
import { escapeHtml, userSvgText } from './standalone-page';

const chartWidth = 560;
const labelSpace = 150;
/** The trend's caption carries the change too: "12 (40 %) · +15 %-yks.". */
const trendCaptionSpace = 210;
const rowHeight = 20;

export interface ChartRow {
  label: string;
  /** `null` is a small group: drawn as an empty, dashed bar and captioned "< 5". */
  value: ShownCount;
  caption: string;
}

/** Bars of a poll stand two to a row on the page, so their chart is narrower than the trend's. */
const columnChartWidth = 360;
const columnLabelSpace = 120;
const columnCaptionSpace = 80;

/** Horizontal bars, one row each, the label on the left and the count on the right. */
export function barChart(rows: readonly ChartRow[], label: string): string {
  const barSpace = columnChartWidth - columnLabelSpace - columnCaptionSpace;
  const largest = Math.max(1, ...rows.map((row) => visibleCount(row.value) ?? 0));
  const height = rows.length * rowHeight + 2;
  const body = rows.map((row, index) => {
    const y = index * rowHeight;
    const value = visibleCount(row.value);
    const bar =
      value === null
        ? `<rect class="hidden" x="${columnLabelSpace}" y="${y + 4}" width="${barSpace / 12}" height="12"/>`
        : `<rect class="bar" x="${columnLabelSpace}" y="${y + 4}" width="${Math.round((value / largest) * barSpace)}" height="12"/>`;
    return [
      userSvgText(0, y + 14, clip(row.label, 17)),
      `<rect class="track" x="${columnLabelSpace}" y="${y + 4}" width="${barSpace}" height="12"/>`,
      bar,
      `<text x="${columnLabelSpace + barSpace + 6}" y="${y + 14}">${escapeHtml(row.caption)}</text>`,
    ].join('');
  });
  return svg(label, columnChartWidth, height, body.join(''));
}

export interface TrendRow {
  label: string;
  current: number;
  previous: number;
  caption: string;
}

/** Each option's share now (dark) over its share in the previous period (grey). */
export function trendChart(rows: readonly TrendRow[], label: string): string {
  const barSpace = chartWidth - labelSpace - trendCaptionSpace;
  const height = rows.length * 26 + 2;
  const body = rows.map((row, index) => {
    const y = index * 26;
    return [
      userSvgText(0, y + 15, clip(row.label, 22)),
      `<rect class="bar" x="${labelSpace}" y="${y + 4}" width="${Math.round(row.current * barSpace)}" height="11"/>`,
      `<rect class="previous" x="${labelSpace}" y="${y + 16}" width="${Math.round(row.previous * barSpace)}" height="6"/>`,
      `<text x="${labelSpace + barSpace + 6}" y="${y + 15}">${escapeHtml(row.caption)}</text>`,
    ].join('');
  });
  return svg(label, chartWidth, height, body.join(''));
}

/** Weekday rows, hour columns; each cell its count, or "< 5" on a dashed cell. */
export function heatMapChart(map: CouncilReport['heatMap'], weekdayName: (day: number) => string, label: string): string {
  const cellWidth = Math.min(34, Math.floor((chartWidth - 40) / Math.max(1, map.hours.length)));
  const cellHeight = 22;
  const largest = Math.max(1, ...map.cells.flat().map((count) => visibleCount(count) ?? 0));
  const header = map.hours.map((hour, column) => `<text x="${40 + column * cellWidth + 3}" y="12">${hour}</text>`).join('');
  const rows = map.cells.map((row, day) => {
    const y = 16 + day * cellHeight;
    const cells = row.map((shown, column) => {
      const count = visibleCount(shown);
      const x = 40 + column * cellWidth;
      const shade = count === null ? '' : ` fill-opacity="${(0.08 + (0.92 * count) / largest).toFixed(2)}"`;
      const textColour = count !== null && count / largest > 0.5 ? ' class="light"' : '';
      return [
        `<rect class="${count === null ? 'hidden' : 'bar'}" x="${x}" y="${y}" width="${cellWidth - 2}" height="${cellHeight - 2}"${shade}/>`,
        count === 0 ? '' : `<text x="${x + 2}" y="${y + 14}"${textColour}>${escapeHtml(shownCountText(shown))}</text>`,
      ].join('');
    });
    return `<text x="0" y="${y + 14}">${escapeHtml(weekdayName(day))}</text>${cells.join('')}`;
  });
  const width = 40 + map.hours.length * cellWidth;
  return `<svg class="chart" role="img" aria-label="${escapeHtml(label)}" viewBox="0 0 ${width} ${16 + 7 * cellHeight}" width="${width}" height="${16 + 7 * cellHeight}" xmlns="http://www.w3.org/2000/svg">${header}${rows.join('')}</svg>`;
}

function svg(label: string, width: number, height: number, body: string): string {
  return `<svg class="chart" role="img" aria-label="${escapeHtml(label)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">${body}</svg>`;
}

function clip(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}
