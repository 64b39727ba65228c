import type { ReactNode } from 'react';
import { drawingDataUrl } from '../../src-shared/contract/drawing';
import type { LanguageCode } from '../../src-shared/i18n/languages';
import { qrText } from '../../src-shared/i18n/qr-messages';
import { isSmallGroup } from '../../src-shared/privacy/small-groups';
import type { MergedChart } from '../../src-shared/qr/summary-merge';

interface ChildrenResultsProps {
  language: LanguageCode;
  charts: readonly MergedChart[];
  /** The children's charts themselves, drawn as the adults' are. */
  renderCharts: (charts: readonly MergedChart[]) => ReactNode;
}

/**
 * Children's answers apart from the adults', with their drawings as thumbnails. Fewer than five
 * children's answers in all are a small group: the part says so and shows nothing of them.
 */
export function ChildrenResults({ language, charts, renderCharts }: ChildrenResultsProps) {
  const count = charts.reduce((sum, chart) => sum + chart.all.answers, 0);
  if (count === 0) return null;
  const drawings = charts.flatMap((chart) => chart.drawings);
  return (
    <section aria-labelledby="children-heading" data-testid="children-results">
      <h2 id="children-heading">{qrText(language, 'receiver.children')}</h2>
      {isSmallGroup(count) ? (
        <p>{qrText(language, 'receiver.childrenHidden')}</p>
      ) : (
        <>
          <p>{qrText(language, 'receiver.childrenCount', { count })}</p>
          {renderCharts(charts)}
          {drawings.length > 0 && (
            <>
              <h3>{qrText(language, 'receiver.drawings')}</h3>
              <ul className="drawing-thumbnails" data-testid="drawings">
                {drawings.map((drawing, index) => (
                  <li key={index}>
                    <img src={drawingDataUrl(drawing)} alt={qrText(language, 'receiver.drawingAlt', { number: index + 1 })} width={200} height={150} />
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
