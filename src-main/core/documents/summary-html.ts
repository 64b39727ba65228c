import type { BatchHeader, PollSnapshot } from '../../../src-shared/contract/batch-format';
import { isChildKind } from '../../../src-shared/contract/children';
import { drawingDataUrl, drawingFileName } from '../../../src-shared/contract/drawing';
import { localize } from '../../../src-shared/contract/localize';
import { isSmallGroup } from '../../../src-shared/privacy/small-groups';
import type { MessageKey } from '../../../src-shared/i18n/fi';
import { fill } from '../../../src-shared/i18n/format';
import { translate } from '../../../src-shared/i18n/messages';
import type { LanguageCode } from '../../../src-shared/i18n/languages';
import { splitLocalTime } from '../../../src-shared/export/local-time';
import { escapeHtml, standalonePageOpening, userSvgText, userTextHtml, userTextStyles } from './standalone-page';
import type { PollTally, QuotedText, SummaryTally } from './summary-tally';

export interface SummaryInput {
  header: BatchHeader;
  hash: string;
  language: LanguageCode;
  tally: SummaryTally;
}

const styles = `
:root { color: #1b1b1b; background: #fff; font: 15px/1.45 system-ui, "Segoe UI", Roboto, Arial, sans-serif; }
body { max-width: 52rem; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
h2 { font-size: 1.2rem; margin: 1.6rem 0 .3rem; border-top: 2px solid #2b6f77; padding-top: .6rem; }
h3 { font-size: 1rem; margin: 1rem 0 .3rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
.note { color: #3d3d3d; font-size: .92rem; }
svg.chart { width: 100%; height: auto; display: block; }
svg.chart text { font: 13px system-ui, "Segoe UI", Roboto, Arial, sans-serif; fill: #1b1b1b; }
svg.chart rect.bar { fill: #2b6f77; }
svg.chart rect.track { fill: #e6eeef; }
${userTextStyles}
ul.quotes { padding-left: 1.1rem; }
ul.quotes li { margin: .25rem 0; white-space: pre-wrap; overflow-wrap: anywhere; }
ul.quotes time { color: #3d3d3d; font-size: .85rem; margin-right: .4rem; }
footer { margin-top: 2rem; border-top: 1px solid #999; padding-top: .6rem; font-size: .85rem; }
code { overflow-wrap: anywhere; }
section.poll { break-inside: avoid-page; }
h2.audience { border-top-width: 4px; }
.drawings { display: flex; flex-wrap: wrap; gap: .6rem; }
.drawings figure { margin: 0; break-inside: avoid; }
.drawings img { border: 1px solid #999; display: block; }
.drawings figcaption { font-size: .85rem; color: #3d3d3d; }
@page { size: A4; margin: 14mm; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } svg.chart { break-inside: avoid; } }
`;

/** The printable one-page (or few-page) summary, in the kiosk's main language, with nothing to fetch. */
export function renderSummaryHtml(input: SummaryInput): string {
  const { header, hash, language, tally } = input;
  const text = (key: MessageKey, values: Record<string, string | number> = {}) => escapeHtml(fill(translate(language, key), values));
  const missing = header.seqTo - header.seqFrom + 1 - header.count;
  const period =
    tally.firstAnsweredAt === null || tally.lastAnsweredAt === null
      ? ''
      : `${formatDate(tally.firstAnsweredAt)} – ${formatDate(tally.lastAnsweredAt)}`;
  const facts: [MessageKey, string][] = [
    ['summary.site', userTextHtml(header.site)],
    ['summary.kiosk', escapeHtml(header.kioskId)],
    ['summary.batch', String(header.number)],
    ['summary.period', period],
    ['summary.sequence', `${header.seqFrom}–${header.seqTo}`],
    ['summary.answers', String(header.count)],
    ['summary.sealed', formatDateTime(header.createdAt)],
  ];
  const notes = [
    tally.burst > 0 ? text('summary.burst', { count: tally.burst }) : null,
    tally.masked > 0 ? text('summary.masked', { count: tally.masked }) : null,
    missing > 0 ? text('summary.missing', { count: missing }) : null,
  ].filter((note) => note !== null);
  const isChildPoll = (poll: PollTally) => poll.snapshot !== undefined && isChildKind(poll.snapshot.kind);
  const adultPolls = tally.results().filter((poll) => !isChildPoll(poll));
  const childPolls = tally.results().filter(isChildPoll);
  return [
    ...standalonePageOpening(language, `${text('summary.title')} – ${escapeHtml(header.site)} – ${text('summary.batch')} ${header.number}`, styles),
    '<header>',
    `<h1>${text('summary.title')}</h1>`,
    `<dl class="facts">${facts.map(([key, value]) => `<dt>${text(key)}</dt><dd>${value}</dd>`).join('')}</dl>`,
    ...notes.map((note) => `<p class="note">${note}</p>`),
    '</header>',
    '<main>',
    ...adultPolls.map((poll) => renderPoll(poll, language, text)),
    ...renderChildren(tally, childPolls, language, text),
    '</main>',
    '<footer>',
    `<p>${text('summary.checksum')}: <code>${hash}</code></p>`,
    `<p>${text('summary.previousChecksum')}: <code>${header.previousHash ?? text('summary.firstBatch')}</code></p>`,
    `<p>${text('summary.verifyHint')}</p>`,
    '</footer>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

type Text = (key: MessageKey, values?: Record<string, string | number>) => string;

/**
 * Children's answers in a part of their own. Fewer than five children are a small group: the part
 * says so and shows nothing more, neither counts nor drawings, as every small group is kept.
 */
function renderChildren(tally: SummaryTally, polls: readonly PollTally[], language: LanguageCode, text: Text): string[] {
  if (tally.children === 0) return [];
  const heading = `<h2 class="audience" data-testid="children">${text('summary.children')}</h2>`;
  if (isSmallGroup(tally.children)) return [heading, `<p class="note">${text('summary.childrenHidden')}</p>`];
  return [heading, `<p>${text('summary.childrenCount', { count: tally.children })}</p>`, ...polls.map((poll) => renderPoll(poll, language, text))];
}

function renderDrawings(poll: PollTally, text: Text): string {
  const figures = poll.drawings.map(({ seq, drawing }) => {
    const name = drawingFileName(seq);
    return `<figure><img src="${drawingDataUrl(drawing)}" alt="${text('summary.drawingAlt', { name })}" width="200" height="150"><figcaption>${name}</figcaption></figure>`;
  });
  const more = poll.drawingsNotShown > 0 ? `<p class="note">${text('summary.moreDrawings', { count: poll.drawingsNotShown })}</p>` : '';
  return `<h3>${text('summary.drawings')}</h3><div class="drawings" data-testid="drawings">${figures.join('')}</div>${more}`;
}

function renderPoll(poll: PollTally, language: LanguageCode, text: Text): string {
  const snapshot = poll.snapshot;
  const question = snapshot === undefined ? text('summary.unknownPoll') : userTextHtml(localize(snapshot.question, language).text);
  const parts = [
    '<section class="poll">',
    `<h2>${question}</h2>`,
    `<p>${poll.count === 1 ? text('summary.oneAnswer') : text('summary.answerCount', { count: poll.count })}</p>`,
  ];
  if (poll.options.size > 0) parts.push(renderChart(bars(poll.options, snapshot?.options, language), poll.count, text('summary.chart')));
  if (poll.topics.size > 0) {
    parts.push(`<h3>${text('summary.topics')}</h3>`);
    parts.push(renderChart(bars(poll.topics, snapshot?.followUp?.topics, language), poll.count, text('summary.topics')));
  }
  if (poll.texts.length > 0) parts.push(`<h3>${text('summary.textAnswers')}</h3>`, renderQuotes(poll.texts));
  if (poll.comments.length > 0) parts.push(`<h3>${text('summary.comments')}</h3>`, renderQuotes(poll.comments));
  if (poll.drawings.length > 0) parts.push(renderDrawings(poll, text));
  if (poll.notShown > 0) parts.push(`<p class="note">${text('summary.moreComments', { count: poll.notShown })}</p>`);
  parts.push('</section>');
  return parts.join('\n');
}

interface Bar {
  label: string;
  count: number;
}

/** Every option of the poll in its own order, zeros included, then any id the poll does not describe. */
function bars(counts: ReadonlyMap<string, number>, options: PollSnapshot['options'] | undefined, language: LanguageCode): Bar[] {
  const known = (options ?? []).map((option) => ({ label: localize(option.label, language).text, count: counts.get(option.id) ?? 0 }));
  const described = new Set((options ?? []).map((option) => option.id));
  const unknown = [...counts].filter(([id]) => !described.has(id)).map(([id, count]) => ({ label: id, count }));
  return [...known, ...unknown];
}

const chartWidth = 640;
const rowHeight = 40;
const barTop = 18;
const barHeight = 14;
const countSpace = 110;

function renderChart(rows: readonly Bar[], total: number, label: string): string {
  const height = rows.length * rowHeight + 4;
  const largest = Math.max(1, ...rows.map((row) => row.count));
  const barSpace = chartWidth - countSpace;
  const body = rows.map((row, index) => {
    const y = index * rowHeight;
    const width = Math.round((row.count / largest) * barSpace);
    const share = total === 0 ? 0 : Math.round((row.count / total) * 100);
    return [
      userSvgText(0, y + 13, row.label),
      `<rect class="track" x="0" y="${y + barTop}" width="${barSpace}" height="${barHeight}"/>`,
      `<rect class="bar" x="0" y="${y + barTop}" width="${width}" height="${barHeight}"/>`,
      `<text x="${barSpace + 8}" y="${y + barTop + 12}">${row.count} (${share} %)</text>`,
    ].join('');
  });
  return `<svg class="chart" role="img" aria-label="${label}" viewBox="0 0 ${chartWidth} ${height}" width="${chartWidth}" height="${height}" xmlns="http://www.w3.org/2000/svg">${body.join('')}</svg>`;
}

function renderQuotes(quotes: readonly QuotedText[]): string {
  const items = quotes.map((quote) => `<li><time>${formatDate(quote.answeredAt)}</time>${userTextHtml(quote.text)}</li>`);
  return `<ul class="quotes">${items.join('')}</ul>`;
}

/** d.m.yyyy, as read in Finland in all three languages; never the printing machine's locale. */
function formatDate(localIso: string): string {
  const time = splitLocalTime(localIso);
  return time === null ? escapeHtml(localIso) : `${Number(time.day)}.${Number(time.month)}.${time.year}`;
}

function formatDateTime(localIso: string): string {
  const time = splitLocalTime(localIso);
  return time === null ? escapeHtml(localIso) : `${formatDate(localIso)} ${time.time.slice(0, 5)}`;
}
