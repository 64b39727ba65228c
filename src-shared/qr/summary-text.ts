import type { BatchHeader, ExportAnswer, PollSnapshot } from '../contract/batch-format';
import { localize } from '../contract/localize';
import type { LanguageCode } from '../i18n/languages';
import { qrText } from '../i18n/qr-messages';
import { finnishDate, tallyAnswers } from './batch-tally';

/** Past this many characters a QR code gets too dense for an old phone to read from a screen. */
export const summaryMaxCharacters = 900;

/**
 * The batch in a few lines of plain text, for one QR code that any phone camera shows as text:
 * site, batch and period, then each poll's title and its counts per option.
 */
export function summaryText(
  batch: { header: BatchHeader; polls: readonly PollSnapshot[]; answers: readonly ExportAnswer[] },
  sha256: string,
  language: LanguageCode,
): string {
  const { header, answers } = batch;
  const first = answers[0]?.answeredAt ?? header.createdAt;
  const last = answers.at(-1)?.answeredAt ?? header.createdAt;
  const period = finnishDate(first) === finnishDate(last) ? finnishDate(first) : `${finnishDate(first)}–${finnishDate(last)}`;
  const lines = [
    `Kerro – ${header.site}`,
    `${qrText(language, 'qrSummary.batch', { number: header.number })} · ${period} · ${qrText(language, 'qrSummary.answers', { count: header.count })}`,
  ];
  const footer = qrText(language, 'qrSummary.kiosk', { kiosk: header.kioskId, hash: sha256.slice(0, 12) });
  const tallies = tallyAnswers(batch.polls, answers);
  for (const [index, counts] of tallies.entries()) {
    const title = counts.poll === undefined ? counts.pollId : localize(counts.poll.question, language).text;
    const options = (counts.poll?.options ?? []).map((option) => `${localize(option.label, language).text} ${counts.options.get(option.id) ?? 0}`);
    if (counts.comments.length > 0) options.push(qrText(language, 'qrSummary.comments', { count: counts.comments.length }));
    const block = ['', `${title} (${counts.answers})`, ...(options.length > 0 ? [options.join(' · ')] : [])];
    const more = qrText(language, 'qrSummary.more', { count: tallies.length - index });
    if ([...lines, ...block, more, footer].join('\n').length > summaryMaxCharacters) {
      lines.push('', more);
      break;
    }
    lines.push(...block);
  }
  lines.push('', footer);
  return lines.join('\n');
}
