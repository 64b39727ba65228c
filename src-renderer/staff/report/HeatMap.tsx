import type { CouncilReport } from '../../../src-shared/contract/report';
import { shownCountText, visibleCount } from '../../../src-shared/privacy/small-groups';

interface HeatMapProps {
  title: string;
  map: CouncilReport['heatMap'];
  weekdays: readonly string[];
  hourLabel: string;
}

/** Weekday × hour as a table: every cell its count, or "< 5"; shading shows where the busy hours are. */
export function HeatMap({ title, map, weekdays, hourLabel }: HeatMapProps) {
  const largest = Math.max(1, ...map.cells.flat().map((count) => visibleCount(count) ?? 0));
  return (
    <table className="report-heat-map" data-testid="heat-map">
      <caption className="visually-hidden">{title}</caption>
      <thead>
        <tr>
          <td />
          {map.hours.map((hour) => (
            <th key={hour} scope="col" aria-label={`${hourLabel} ${hour}`}>
              {hour}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {map.cells.map((row, day) => (
          <tr key={weekdays[day] ?? day}>
            <th scope="row">{weekdays[day]}</th>
            {row.map((count, column) => (
              <td
                key={map.hours[column] ?? column}
                className={visibleCount(count) === null ? 'is-small-group' : `heat-${Math.ceil(((visibleCount(count) ?? 0) / largest) * 4)}`}
                data-count={visibleCount(count) ?? 'hidden'}
              >
                {count === 0 ? '' : shownCountText(count)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
