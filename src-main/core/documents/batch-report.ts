import type { BatchHeader, ExportAnswer, PollSnapshot } from '../../../src-shared/contract/batch-format';
import { pollKey } from '../../../src-shared/contract/batch-format';
import type { CouncilReport } from '../../../src-shared/contract/report';
import { staffLanguageOf, type LanguageCode } from '../../../src-shared/i18n/languages';
import { maskPersonalData } from '../../../src-shared/privacy/personal-data';
import { batchMaskLabels } from '../batches/batch-content';
import { assembleReport, latestVersions, maskLabels } from './council-report';
import { ReportTally } from './report-tally';

/** One sealed batch as the report reads it: its header, its poll snapshots and its answers' counts. */
export interface TalliedBatch {
  header: BatchHeader;
  polls: readonly PollSnapshot[];
  tally: ReportTally<ExportAnswer>;
}

/**
 * A tally for a sealed batch's answers. Their texts were masked at sealing with language-neutral
 * placeholders ("[phone]"); the report names them in its own language, as the staff screen does.
 */
export function batchReportTally(language: LanguageCode): ReportTally<ExportAnswer> {
  const labels = maskLabels(staffLanguageOf(language));
  return new ReportTally<ExportAnswer>((text, answer) => {
    let shown = text;
    for (const kind of answer.masked) shown = shown.replaceAll(`[${batchMaskLabels[kind]}]`, `[${labels[kind]}]`);
    // Masked at sealing already; masking again only guards against rules that grew since.
    return maskPersonalData(shown, labels).text;
  });
}

/**
 * The council report of one batch: its answers, from its first to its last answer's day, against
 * the batch before it when that batch's content is still on the kiosk. Everything comes from the
 * sealed files and the batch's own sealing time, so a re-export writes the same bytes.
 */
export function buildBatchReport(current: TalliedBatch, previous: TalliedBatch | null, language: LanguageCode): CouncilReport {
  const { header, tally } = current;
  const sealedDay = header.createdAt.slice(0, 10);
  const polls = new Map<string, PollSnapshot>();
  for (const poll of [...current.polls, ...(previous?.polls ?? [])]) if (!polls.has(pollKey(poll.id, poll.version))) polls.set(pollKey(poll.id, poll.version), poll);
  // The batch lists its polls standing question first, then by id; the report keeps that order.
  const shown = [...latestVersions([...polls.values()]).values()].sort((left, right) => Number(right.standing) - Number(left.standing));
  return assembleReport({
    language: staffLanguageOf(language),
    siteName: header.site,
    kioskId: header.kioskId,
    generatedAt: header.createdAt,
    from: tally.firstDay ?? sealedDay,
    to: tally.lastDay ?? sealedDay,
    previous:
      previous === null
        ? null
        : { from: previous.tally.firstDay ?? previous.header.createdAt.slice(0, 10), to: previous.tally.lastDay ?? previous.header.createdAt.slice(0, 10), tally: previous.tally },
    batch: { number: header.number, seqFrom: header.seqFrom, seqTo: header.seqTo },
    polls: [...polls.values()],
    shown,
    current: tally,
    isWithDrawings: true,
  });
}
