import { localize } from '../../../src-shared/contract/localize';
import type { CouncilReport } from '../../../src-shared/contract/report';
import { formatDay } from '../../../src-shared/i18n/days';
import { languageNames } from '../../../src-shared/i18n/languages';
import type { ReportMessageKey } from '../../../src-shared/i18n/report-fi';
import { reportText } from '../../../src-shared/i18n/report-messages';
import { formatPercent, formatPoints } from '../../../src-shared/i18n/report-numbers';
import { shownCountText, visibleCount, type ShownCount } from '../../../src-shared/privacy/small-groups';
import { HeatMap } from './HeatMap';
import { ReportBars } from './ReportBars';
import { UserText } from '../../user-text/UserText';

const weekdayKeys = ['report.weekday.1', 'report.weekday.2', 'report.weekday.3', 'report.weekday.4', 'report.weekday.5', 'report.weekday.6', 'report.weekday.7'] as const;

/** The council report on screen and on paper: the same data the core prints into report.html. */
export function CouncilReportView({ report }: { report: CouncilReport }) {
  const { language } = report;
  const text = (key: ReportMessageKey, values: Record<string, string | number> = {}) => reportText(language, key, values);
  const label = (texts: CouncilReport['polls'][number]['question']) => localize(texts, language).text;
  const { totals, standing } = report;
  return (
    <article className="council-report" lang={language} data-testid="council-report">
      <h2 className="council-report-title">{text('report.title')}</h2>
      <dl className="council-report-facts">
        <dt>{text('report.site')}</dt>
        <dd>
          <UserText text={report.siteName} />
        </dd>
        <dt>{text('report.period')}</dt>
        <dd>{`${formatDay(report.from)} – ${formatDay(report.to)}`}</dd>
        <dt>{text('report.previous')}</dt>
        <dd>
          {report.previousFrom === null || report.previousTo === null
            ? text('report.noComparison.gone')
            : `${formatDay(report.previousFrom)} – ${formatDay(report.previousTo)}`}
        </dd>
      </dl>
      <p className="council-report-totals" data-testid="totals">
        {text('report.answers')}: <strong>{totals.all}</strong> · {text('report.flagged')}: <strong>{totals.flagged}</strong> · {text('report.withoutFlagged')}:{' '}
        <strong>{totals.withoutFlagged}</strong> ({text('report.previousPeriod')}: {report.previousTotals.all})
      </p>
      {totals.all === 0 ? <p>{text('report.noAnswers')}</p> : null}
      {standing === null ? null : (
        <section data-testid="standing">
          <h3>
            {text('report.standing')}: <UserText text={label(standing.question)} />
          </h3>
          <p className="council-report-note">
            {text('report.thisPeriod')}: {standing.total} · {text('report.previousPeriod')}: {standing.previousTotal}
          </p>
          <ReportBars
            title={text('report.standing')}
            bars={standing.options.map((option) => ({
              id: option.id,
              label: label(option.label),
              fraction: option.share,
              previous: option.previousShare,
              caption: `${option.count} (${formatPercent(option.share, language)}) · ${text('report.points', { value: formatPoints(option.share - option.previousShare) })}`,
            }))}
          />
        </section>
      )}
      <div className="council-report-columns">
        {report.polls
          .filter((poll) => !poll.standing || poll.topics.length > 0)
          .map((poll) => (
            <section key={poll.pollId} data-testid="poll" data-poll={poll.pollId}>
              <h3>
                <UserText text={label(poll.question)} />
              </h3>
              <p className="council-report-note">
                {text('report.answers')}: {poll.totals.all} · {text('report.withoutFlagged')}: {poll.totals.withoutFlagged}
              </p>
              {poll.standing || poll.options.length === 0 ? null : (
                <ReportBars
                  title={label(poll.question)}
                  bars={poll.options.map((option) => ({
                    id: option.id,
                    label: label(option.label),
                    fraction: option.share,
                    caption: `${option.count} (${formatPercent(option.share, language)})`,
                  }))}
                />
              )}
              {poll.topics.length === 0 ? null : (
                <>
                  <h4>{text('report.topics')}</h4>
                  <ReportBars
                    title={text('report.topics')}
                    bars={poll.topics.map((topic) => ({
                      id: topic.id,
                      label: label(topic.label),
                      fraction: fractionOf(topic.count, poll.topics.map((other) => other.count)),
                      caption: shownCountText(topic.count),
                    }))}
                  />
                </>
              )}
            </section>
          ))}
      </div>
      <div className="council-report-columns">
        <section>
          <h3>{text('report.heatMap')}</h3>
          <HeatMap title={text('report.heatMap')} map={report.heatMap} weekdays={weekdayKeys.map((key) => text(key))} hourLabel={text('report.hour')} />
        </section>
        <section data-testid="languages">
          <h3>{text('report.languages')}</h3>
          <dl className="council-report-languages">
            {report.languages.map((entry) => (
              <div key={entry.language}>
                <dt>{languageNames[entry.language]}</dt>
                <dd data-count={visibleCount(entry.count) ?? 'hidden'}>{shownCountText(entry.count)}</dd>
              </div>
            ))}
          </dl>
        </section>
      </div>
      {report.comments.length === 0 ? null : (
        <section data-testid="comments">
          <h3>{text('report.comments')}</h3>
          <ul className="council-report-comments">
            {report.comments.map((comment, index) => (
              <li key={`${comment.answeredAt}-${index}`}>
                <span className="council-report-day">{formatDay(comment.answeredAt)}</span> <UserText text={comment.text} />
              </li>
            ))}
          </ul>
          {report.commentsNotShown > 0 ? <p className="council-report-note">{text('report.moreComments', { count: report.commentsNotShown })}</p> : null}
        </section>
      )}
      <p className="council-report-note">
        {text('report.smallGroups')} {text('report.masked')}
      </p>
    </article>
  );
}

function fractionOf(count: ShownCount, all: readonly ShownCount[]): number | null {
  const visible = visibleCount(count);
  return visible === null ? null : visible / Math.max(1, ...all.map((other) => visibleCount(other) ?? 0));
}
