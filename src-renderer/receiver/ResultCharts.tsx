import { localize } from '../../src-shared/contract/localize';
import type { LanguageCode } from '../../src-shared/i18n/languages';
import { qrText } from '../../src-shared/i18n/qr-messages';
import { finnishDecimal } from '../../src-shared/qr/merged-csv';
import { chartsByAudience, withoutBurst, type MergedChart } from '../../src-shared/qr/summary-merge';
import { protectBreakdown, shownCountText } from '../../src-shared/privacy/small-groups';
import { BarRow } from './BarRow';
import { withoutBidiControls } from '../../src-shared/text/free-text';
import { ChildrenResults } from './ChildrenResults';

export interface ResultChartsProps {
  language: LanguageCode;
  charts: readonly MergedChart[];
  isBurstLeftOut: boolean;
}

/**
 * One chart per poll version, whichever kiosks asked it. Polls that differ but ask the same
 * question are told apart by the kiosks they came from.
 */
export function ResultCharts({ language, charts, isBurstLeftOut }: ResultChartsProps) {
  if (charts.length === 0) return null;
  const { adults, children } = chartsByAudience(charts);
  return (
    <>
      <section aria-labelledby="results-heading">
        <h2 id="results-heading">{qrText(language, 'receiver.results')}</h2>
        <PollCharts language={language} charts={adults} isBurstLeftOut={isBurstLeftOut} />
      </section>
      <ChildrenResults language={language} charts={children} renderCharts={(shown) => <PollCharts language={language} charts={shown} isBurstLeftOut={isBurstLeftOut} />} />
    </>
  );
}

function PollCharts({ language, charts, isBurstLeftOut }: ResultChartsProps) {
  const share = (count: number, total: number) => {
    const percent = total === 0 ? 0 : (count / total) * 100;
    return language === 'en' ? `${percent.toFixed(0)} %` : `${finnishDecimal(percent, 0)} %`;
  };
  const titleOf = (chart: MergedChart) => (chart.poll === undefined ? chart.pollId : localize(chart.poll.question, language).text);
  const titles = charts.map(titleOf);
  return (
    <>
      {charts.map((chart, chartIndex) => {
        const title = titles[chartIndex] ?? chart.pollId;
        const isShared = titles.filter((other) => other === title).length > 1;
        const counts = isBurstLeftOut ? withoutBurst(chart.all, chart.burst) : chart.all;
        const topics = chart.poll?.followUp?.topics ?? [];
        // Topics are a breakdown: a topic chosen by 1–4 parents is not counted out on a phone either.
        const shownTopics = protectBreakdown(
          topics.map((topic) => counts.topics[topic.id] ?? 0),
          { isTotalShown: false },
        );
        const texts = chart.shown.filter((text) => !isBurstLeftOut || !text.isBurst);
        const hasTopics = Object.values(counts.topics).some((count) => count > 0);
        return (
          <article className="result-poll" key={chart.key} data-testid="result-poll">
            <h3>
              <bdi>{withoutBidiControls(title)}</bdi> <span className="result-count">({counts.answers})</span>
              {isShared && <span className="result-kiosks"> – {qrText(language, 'receiver.fromKiosks', { kiosks: chart.kiosks.join(', ') })}</span>}
            </h3>
            {chart.burst.answers > 0 && (
              <p className="result-burst" data-testid="result-burst">
                {qrText(language, 'receiver.burst', { count: chart.burst.answers })}
              </p>
            )}
            <ul className="bars">
              {(chart.poll?.options ?? []).map((option) => {
                const count = counts.options[option.id] ?? 0;
                return <BarRow key={option.id} label={localize(option.label, language).text} count={count} total={counts.answers} share={share(count, counts.answers)} />;
              })}
            </ul>
            {hasTopics && (
              <>
                <h4>{qrText(language, 'receiver.topics')}</h4>
                <ul className="bars bars--topics">
                  {topics.map((topic, index) => {
                    const count = counts.topics[topic.id] ?? 0;
                    const shown = shownTopics[index] ?? null;
                    return (
                      <BarRow
                        key={topic.id}
                        label={localize(topic.label, language).text}
                        count={count}
                        total={counts.answers}
                        share={share(count, counts.answers)}
                        hiddenAs={typeof shown === 'number' ? undefined : shownCountText(shown)}
                      />
                    );
                  })}
                </ul>
              </>
            )}
            {counts.comments + counts.texts > 0 && (
              <details className="result-comments">
                <summary>{qrText(language, 'receiver.comments', { count: counts.comments + counts.texts })}</summary>
                <ul>
                  {texts.map((text, index) => (
                    <li key={index}>
                      <bdi>{withoutBidiControls(text.text)}</bdi>
                      {text.isBurst && <span className="result-burst-mark"> {qrText(language, 'receiver.burstMark')}</span>}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </article>
        );
      })}
    </>
  );
}
