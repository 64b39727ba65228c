import { isChildKind } from '../../../src-shared/contract/children';
import { localize } from '../../../src-shared/contract/localize';
import type { CouncilReport } from '../../../src-shared/contract/report';
import { languageNames } from '../../../src-shared/i18n/languages';
import type { ReportMessageKey } from '../../../src-shared/i18n/report-fi';
import { reportText } from '../../../src-shared/i18n/report-messages';
import { shownCountText } from '../../../src-shared/privacy/small-groups';
import { escapeHtml, standalonePageOpening } from './standalone-page';
import { barChart, heatMapChart, trendChart } from './report-charts';
import { formatDay } from '../../../src-shared/i18n/days';
import { formatPercent, formatPoints } from '../../../src-shared/i18n/report-numbers';

const styles = `
:root { color: #1b1b1b; background: #fff; font: 13px/1.35 system-ui, "Segoe UI", Roboto, Arial, sans-serif; }
body { max-width: 50rem; margin: 1rem auto; padding: 0 1rem; }
h1 { font-size: 1.45rem; margin: 0 0 .3rem; }
h2 { font-size: 1.05rem; margin: .9rem 0 .2rem; border-top: 2px solid #2b6f77; padding-top: .35rem; }
h3 { font-size: .95rem; margin: .5rem 0 .15rem; }
p { margin: .2rem 0; }
dl.facts { display: grid; grid-template-columns: max-content 1fr max-content 1fr; gap: .1rem .8rem; margin: 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
.note { color: #3d3d3d; font-size: .85rem; }
.columns { display: grid; grid-template-columns: 1fr 1fr; gap: 0 1.2rem; }
.columns > section { break-inside: avoid; min-width: 0; }
svg.chart { max-width: 100%; height: auto; display: block; }
svg.chart text { font: 12px system-ui, "Segoe UI", Roboto, Arial, sans-serif; fill: #1b1b1b; }
svg.chart .bar { fill: #2b6f77; }
svg.chart text.light { fill: #fff; }
svg.chart .previous { fill: #9b9b9b; }
svg.chart .track { fill: #e6eeef; }
svg.chart .hidden { fill: #f1f1f1; stroke: #9b9b9b; stroke-dasharray: 2 2; }
ul.quotes { padding-left: 1rem; margin: .2rem 0; }
ul.quotes li { margin: .1rem 0; overflow-wrap: anywhere; }
ul.quotes time { color: #3d3d3d; font-size: .8rem; margin-right: .35rem; }
table.counts { border-collapse: collapse; }
.drawings { display: flex; flex-wrap: wrap; gap: .5rem; }
.drawings figure { margin: 0; break-inside: avoid; }
.drawings img { border: 1px solid #9b9b9b; display: block; }
.drawings figcaption { font-size: .8rem; color: #3d3d3d; }
table.counts td, table.counts th { padding: .05rem .6rem .05rem 0; text-align: left; }
@page { size: A4; margin: 11mm; }
@media print { :root { font-size: 10.5px; } body { margin: 0; max-width: none; padding: 0; } h2 { break-after: avoid; } }
`;

/** The council report as one self-contained A4 page, in the kiosk's main language. */
export function renderCouncilReportHtml(report: CouncilReport): string {
  const { language } = report;
  const text = (key: ReportMessageKey, values: Record<string, string | number> = {}) => escapeHtml(reportText(language, key, values));
  const facts: [ReportMessageKey, string][] = [
    ['report.site', escapeHtml(report.siteName)],
    ['report.period', `${formatDay(report.from)} – ${formatDay(report.to)}`],
    ['report.generated', escapeHtml(formatDay(report.generatedAt.slice(0, 10)))],
    ['report.previous', comparedWith(report, text)],
  ];
  if (report.batch !== null) facts.push(['report.batch', text('report.batchAnswers', { number: report.batch.number, from: report.batch.seqFrom, to: report.batch.seqTo })]);
  const totals = report.totals;
  const previousCount = report.previousFrom === null ? '' : ` (${text('report.previousPeriod')}: ${report.previousTotals.all})`;
  return [
    ...standalonePageOpening(language, `${text('report.title')} – ${escapeHtml(report.siteName)} – ${formatDay(report.from)}–${formatDay(report.to)}`, styles),
    '<header>',
    `<h1>${text('report.title')}</h1>`,
    `<dl class="facts">${facts.map(([key, value]) => `<dt>${text(key)}</dt><dd>${value}</dd>`).join('')}</dl>`,
    `<p class="totals" data-testid="totals">${text('report.answers')}: <strong>${totals.all}</strong> · ${text('report.flagged')}: <strong>${totals.flagged}</strong> · ${text('report.withoutFlagged')}: <strong>${totals.withoutFlagged}</strong>${previousCount}</p>`,
    renderAudiences(report, text),
    '</header>',
    '<main>',
    totals.all === 0 ? `<p>${text('report.noAnswers')}</p>` : '',
    renderStanding(report, text),
    renderPolls(report, text),
    '<div class="columns">',
    `<section data-testid="heat-map"><h2>${text('report.heatMap')}</h2>${heatMapChart(report.heatMap, (day) => reportText(language, weekdayKey(day)), text('report.heatMap'))}</section>`,
    renderLanguages(report, text),
    '</div>',
    renderComments(report, text),
    renderDrawings(report, text),
    '</main>',
    '<footer>',
    `<p class="note">${text('report.smallGroups')} ${text('report.masked')}</p>`,
    '</footer>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

type Text = (key: ReportMessageKey, values?: Record<string, string | number>) => string;

/** The period compared with, or why there is none; a batch's report names the batch compared with. */
function comparedWith(report: CouncilReport, text: Text): string {
  if (report.previousFrom === null || report.previousTo === null) {
    return report.batch?.number === 1 ? text('report.noComparison.first') : text('report.noComparison.gone');
  }
  const period = { from: formatDay(report.previousFrom), to: formatDay(report.previousTo) };
  return report.batch === null ? `${period.from} – ${period.to}` : text('report.previousBatch', { ...period, number: report.batch.number - 1 });
}

function weekdayKey(day: number): ReportMessageKey {
  const keys = ['report.weekday.1', 'report.weekday.2', 'report.weekday.3', 'report.weekday.4', 'report.weekday.5', 'report.weekday.6', 'report.weekday.7'] as const;
  return keys[day] ?? 'report.weekday.1';
}

function renderStanding(report: CouncilReport, text: Text): string {
  const standing = report.standing;
  if (standing === null) return '';
  const language = report.language;
  const isCompared = report.previousFrom !== null;
  const rows = standing.options.map((option) => ({
    label: localize(option.label, language).text,
    current: option.share,
    previous: isCompared ? option.previousShare : 0,
    caption: isCompared
      ? `${option.count} (${formatPercent(option.share, language)}) · ${text('report.points', { value: formatPoints(option.share - option.previousShare) })}`
      : `${option.count} (${formatPercent(option.share, language)})`,
  }));
  const counts = isCompared
    ? `${text('report.thisPeriod')}: ${standing.total} · ${text('report.previousPeriod')}: ${standing.previousTotal}`
    : `${text('report.thisPeriod')}: ${standing.total}`;
  return [
    '<section data-testid="standing">',
    `<h2>${text('report.standing')}: ${escapeHtml(localize(standing.question, language).text)}</h2>`,
    `<p class="note">${counts}</p>`,
    trendChart(rows, text('report.standing')),
    '</section>',
  ].join('\n');
}

/** Children's polls in a part of their own, after the adults': counted apart, read apart. */
function renderPolls(report: CouncilReport, text: Text): string {
  const polls = report.polls.filter((poll) => !poll.standing || poll.topics.length > 0);
  return [
    renderPollPart(report, text, polls.filter((poll) => !isChildKind(poll.kind)), 'report.polls'),
    renderPollPart(report, text, polls.filter((poll) => isChildKind(poll.kind)), 'report.childrenPolls'),
  ].join('\n');
}

function renderPollPart(report: CouncilReport, text: Text, polls: CouncilReport['polls'], heading: ReportMessageKey): string {
  const language = report.language;
  if (polls.length === 0) return '';
  const sections = polls.map((poll) => {
    const question = escapeHtml(localize(poll.question, language).text);
    const options = poll.options.map((option) => ({ label: localize(option.label, language).text, value: option.count, caption: `${option.count} (${formatPercent(option.share, language)})` }));
    const topics = poll.topics.map((topic) => ({ label: localize(topic.label, language).text, value: topic.count, caption: shownCountText(topic.count) }));
    return [
      `<section class="poll" data-testid="poll" data-poll="${escapeHtml(poll.pollId)}">`,
      `<h3>${question}</h3>`,
      `<p class="note">${text('report.answers')}: ${poll.totals.all} · ${text('report.withoutFlagged')}: ${poll.totals.withoutFlagged}</p>`,
      options.length > 0 && !poll.standing ? barChart(options, question) : '',
      topics.length > 0 ? `<p><strong>${text('report.topics')}</strong></p>${barChart(topics, text('report.topics'))}` : '',
      '</section>',
    ].join('\n');
  });
  return [`<h2>${text(heading)}</h2>`, '<div class="columns">', ...sections, '</div>'].join('\n');
}

function renderAudiences(report: CouncilReport, text: Text): string {
  const { adult, child } = report.audiences;
  if (child === 0) return '';
  const hidden = child === null ? `<p class="note">${text('report.childrenHidden')}</p>` : '';
  return `<p class="totals" data-testid="audiences">${text('report.adults')}: <strong>${escapeHtml(shownCountText(adult))}</strong> · ${text('report.children')}: <strong>${escapeHtml(shownCountText(child))}</strong></p>${hidden}`;
}

function renderDrawings(report: CouncilReport, text: Text): string {
  if (report.drawings.length === 0) return '';
  const figures = report.drawings.map((drawn) => {
    const date = formatDay(drawn.answeredAt.slice(0, 10));
    return `<figure><img src="data:image/svg+xml;charset=utf-8,${encodeURIComponent(drawn.svg)}" alt="${text('report.drawingAlt', { date })}" width="200" height="150"><figcaption>${date}</figcaption></figure>`;
  });
  const more = report.drawingsNotShown > 0 ? `<p class="note">${text('report.moreDrawings', { count: report.drawingsNotShown })}</p>` : '';
  return `<section data-testid="drawings"><h2>${text('report.drawings')}</h2><div class="drawings">${figures.join('')}</div>${more}</section>`;
}

function renderLanguages(report: CouncilReport, text: Text): string {
  const rows = report.languages.map(
    (entry) => `<tr><th scope="row">${escapeHtml(languageNames[entry.language])}</th><td data-count>${escapeHtml(shownCountText(entry.count))}</td></tr>`,
  );
  return `<section data-testid="languages"><h2>${text('report.languages')}</h2><table class="counts"><tbody>${rows.join('')}</tbody></table></section>`;
}

function renderComments(report: CouncilReport, text: Text): string {
  if (report.comments.length === 0) return '';
  const items = report.comments.map((comment) => `<li><time>${formatDay(comment.answeredAt.slice(0, 10))}</time><bdi>${escapeHtml(comment.text)}</bdi></li>`);
  const more = report.commentsNotShown > 0 ? `<p class="note">${text('report.moreComments', { count: report.commentsNotShown })}</p>` : '';
  return `<section data-testid="comments"><h2>${text('report.comments')}</h2><ul class="quotes">${items.join('')}</ul>${more}</section>`;
}
