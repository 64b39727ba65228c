import { isChildKind } from '../../src-shared/contract/children';
import { useCallback, useEffect, useState } from 'react';
import { localize } from '../../src-shared/contract/localize';
import type { Results } from '../../src-shared/contract/results';
import { fill } from '../../src-shared/i18n/format';
import { BarChart } from './BarChart';
import { ChoiceGroup } from './ChoiceGroup';
import { ColumnChart } from './ColumnChart';
import { CommentList } from './CommentList';
import type { StaffScreenProps } from './staff-call';
import { formatDateTime, formatDay, localDate } from './time-format';
import { StaffHeader } from './StaffHeader';
import { UserText } from '../user-text/UserText';

type Range = 'all' | 'today' | 'week' | 'month';

const rangeDays: Record<Exclude<Range, 'all'>, number> = { today: 0, week: 6, month: 29 };

/** Answers arrive while staff watch: the figures refresh on their own this often. */
const refreshMs = 5000;

function rangeOf(range: Range, now: Date): { from: string | null; to: string | null } {
  if (range === 'all') return { from: null, to: null };
  return { from: localDate(new Date(now.getTime() - rangeDays[range] * 86_400_000)), to: localDate(now) };
}

interface ResultsScreenProps extends StaffScreenProps {
  pollId: string;
  onBack: () => void;
}

export function ResultsScreen({ texts, language, call, pollId, onBack }: ResultsScreenProps) {
  const [range, setRange] = useState<Range>('all');
  const [results, setResults] = useState<Results | null>(null);
  const [withoutFlagged, setWithoutFlagged] = useState(false);

  const load = useCallback(async () => {
    const result = await call('results.poll', { pollId, withoutFlagged, ...rangeOf(range, new Date()) });
    if (result.ok) setResults(result.value);
  }, [call, pollId, range, withoutFlagged]);

  useEffect(() => {
    void load();
    const timer = window.setInterval(() => void load(), refreshMs);
    return () => window.clearInterval(timer);
  }, [load]);

  const question = results === null ? null : localize(results.poll.question, language);
  const percent = (share: number) => Math.round(share * 100);
  return (
    <main className="screen staff-screen results-screen" data-screen="staff-results">
      <StaffHeader title={texts['staff.results']} exit={{ label: texts['staff.back'], action: 'back', onPress: onBack }} />
      <div className="results-scroll">
        {results === null || question === null ? null : (
          <>
            {isChildKind(results.poll.kind) ? <p className="standing-badge children-badge">{texts['staff.childrenPoll']}</p> : null}
            <h2 className="results-question">
              <UserText text={question.text} lang={question.language} />
            </h2>
            <ChoiceGroup
              name="range"
              label={texts['results.range']}
              value={range}
              choices={[
                { value: 'all', label: texts['results.rangeAll'] },
                { value: 'today', label: texts['results.rangeToday'] },
                { value: 'week', label: texts['results.rangeWeek'] },
                { value: 'month', label: texts['results.rangeMonth'] },
              ]}
              onChange={setRange}
            />
            <div className="results-facts" role="status">
              <p className="results-total" data-fact="total">
                {fill(texts['results.total'], { count: results.total })}
              </p>
              <p>{fill(texts['staff.unexported'], { count: results.unexported })}</p>
              <p>
                {fill(texts['staff.lastExport'], {
                  time: results.lastExportAt === null ? texts['staff.never'] : formatDateTime(results.lastExportAt, language),
                })}
              </p>
              {results.burstFlagged > 0 ? <p>{fill(texts['results.burst'], { count: results.burstFlagged })}</p> : null}
            </div>
            {results.burstFlagged > 0 ? (
              <button
                type="button"
                className="secondary-button"
                data-action="toggle-flagged"
                aria-pressed={withoutFlagged}
                onClick={() => setWithoutFlagged((current) => !current)}
              >
                {texts['results.withoutFlagged']}
              </button>
            ) : null}
            {results.total === 0 ? <p className="results-empty">{texts['results.noAnswers']}</p> : null}
            {results.options.length > 0 ? (
              <section aria-labelledby="by-option">
                <h3 id="by-option">{texts['results.byOption']}</h3>
                <BarChart
                  title={texts['results.byOption']}
                  bars={results.options.map((option) => {
                    const label = localize(option.label, language);
                    return { id: option.id, label: label.text, lang: label.language, count: option.count, share: option.share };
                  })}
                  formatValue={(bar) => fill(texts['results.share'], { count: bar.count, percent: percent(bar.share) })}
                />
              </section>
            ) : null}
            {results.byDay.length > 0 ? (
              <section aria-labelledby="by-day">
                <h3 id="by-day">{texts['results.byDay']}</h3>
                <ColumnChart
                  title={texts['results.byDay']}
                  labelEvery={Math.max(1, Math.ceil(results.byDay.length / 8))}
                  columns={results.byDay.map((day) => ({ key: day.date, label: formatDay(day.date, language), count: day.count }))}
                />
              </section>
            ) : null}
            {results.total > 0 ? (
              <section aria-labelledby="by-hour">
                <h3 id="by-hour">{texts['results.byHour']}</h3>
                <ColumnChart
                  title={texts['results.byHour']}
                  labelEvery={3}
                  columns={results.byHour.map((count, hour) => ({ key: String(hour), label: String(hour).padStart(2, '0'), count }))}
                />
              </section>
            ) : null}
            <CommentList texts={texts} language={language} comments={results.comments} />
          </>
        )}
      </div>
    </main>
  );
}
