import { localize } from '../../src-shared/contract/localize';
import type { PollSnapshot } from '../../src-shared/contract/batch-format';
import type { LanguageCode } from '../../src-shared/i18n/languages';
import { qrText } from '../../src-shared/i18n/qr-messages';
import { tallyAnswers } from '../../src-shared/qr/batch-tally';
import { finnishDecimal } from '../../src-shared/qr/merged-csv';
import type { MergedAnswer } from '../../src-shared/qr/merge';
import { protectBreakdown, shownCountText } from '../../src-shared/privacy/small-groups';
import { BarRow } from './BarRow';

export interface ResultChartsProps {
  language: LanguageCode;
  polls: readonly PollSnapshot[];
  answers: readonly MergedAnswer[];
}

/** Comments shown per poll on a phone; the CSV has them all. */
const commentsShown = 50;

export function ResultCharts({ language, polls, answers }: ResultChartsProps) {
  const tallies = tallyAnswers(polls, answers);
  if (tallies.length === 0) return null;
  const share = (count: number, total: number) => {
    const percent = total === 0 ? 0 : (count / total) * 100;
    return language === 'en' ? `${percent.toFixed(0)} %` : `${finnishDecimal(percent, 0)} %`;
  };
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading">{qrText(language, 'receiver.results')}</h2>
      {tallies.map((tally) => {
        const title = tally.poll === undefined ? tally.pollId : localize(tally.poll.question, language).text;
        const topics = tally.poll?.followUp?.topics ?? [];
        // Topics are a breakdown: a topic chosen by 1–4 parents is not counted out on a phone either.
        const shownTopics = protectBreakdown(
          topics.map((topic) => tally.topics.get(topic.id) ?? 0),
          { isTotalShown: false },
        );
        return (
          <article className="result-poll" key={`${tally.pollId}@${tally.pollVersion}`} data-testid="result-poll">
            <h3>
              {title} <span className="result-count">({tally.answers})</span>
            </h3>
            <ul className="bars">
              {(tally.poll?.options ?? []).map((option) => {
                const count = tally.options.get(option.id) ?? 0;
                return (
                  <BarRow key={option.id} label={localize(option.label, language).text} count={count} total={tally.answers} share={share(count, tally.answers)} />
                );
              })}
            </ul>
            {tally.topics.size > 0 && (
              <>
                <h4>{qrText(language, 'receiver.topics')}</h4>
                <ul className="bars bars--topics">
                  {topics.map((topic, index) => {
                    const count = tally.topics.get(topic.id) ?? 0;
                    const shown = shownTopics[index] ?? null;
                    return (
                      <BarRow
                        key={topic.id}
                        label={localize(topic.label, language).text}
                        count={count}
                        total={tally.answers}
                        share={share(count, tally.answers)}
                        hiddenAs={typeof shown === 'number' ? undefined : shownCountText(shown)}
                      />
                    );
                  })}
                </ul>
              </>
            )}
            {tally.comments.length + tally.texts.length > 0 && (
              <details className="result-comments">
                <summary>{qrText(language, 'receiver.comments', { count: tally.comments.length + tally.texts.length })}</summary>
                <ul>
                  {[...tally.texts, ...tally.comments].slice(0, commentsShown).map((text, index) => (
                    <li key={index}>{text}</li>
                  ))}
                </ul>
              </details>
            )}
          </article>
        );
      })}
    </section>
  );
}
