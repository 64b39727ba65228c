import { canonicalJson } from '../../src-shared/contract/batch-canonical';
import type { LanguageCode } from '../../src-shared/i18n/languages';
import { qrText } from '../../src-shared/i18n/qr-messages';
import { mergedCsv } from '../../src-shared/qr/merged-csv';
import type { MergedResults } from '../../src-shared/qr/merge';

export interface SaveButtonsProps {
  language: LanguageCode;
  merged: MergedResults;
}

/** Saves the merged answers as files: a download link works from file:// and with no network. */
export function SaveButtons({ language, merged }: SaveButtonsProps) {
  const today = new Date().toISOString().slice(0, 10);
  const save = (text: string, type: string, name: string) => {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  const json = () =>
    `${canonicalJson({
      format: 'kerro-merged',
      schemaVersion: 1,
      kiosks: merged.kiosks.map(({ kioskId, site, batches, missing, chainBreaks }) => ({ kioskId, site, batches, missing, chainBreaks })),
      polls: merged.polls,
      answers: merged.answers,
    })}\n`;
  return (
    <div className="save-buttons">
      <button type="button" className="receiver-button" onClick={() => save(mergedCsv(merged.answers, merged.polls, language), 'text/csv;charset=utf-8', `kerro-${today}.csv`)}>
        {qrText(language, 'receiver.saveCsv')}
      </button>
      <button type="button" className="receiver-button" onClick={() => save(json(), 'application/json', `kerro-${today}.json`)}>
        {qrText(language, 'receiver.saveJson')}
      </button>
    </div>
  );
}
