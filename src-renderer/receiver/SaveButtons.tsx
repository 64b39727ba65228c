import { useState } from 'react';
import { languageCodes, languageNames, staffLanguageOf, type LanguageCode } from '../../src-shared/i18n/languages';
import { qrText } from '../../src-shared/i18n/qr-messages';
import { intakeWorker } from './use-batches';

export interface SaveButtonsProps {
  language: LanguageCode;
}

/** The languages a CSV's texts (poll questions, options, topics) can be written in. */
const csvLanguages = languageCodes.filter((code) => staffLanguageOf(code) === code);

/**
 * Saves the merged answers as files, made in the worker from the kept batches. The CSV's
 * language is chosen here, Finnish unless changed, never taken from the page: the sheet goes to
 * whoever reads it, and the same merge should give the same file whoever saved it.
 */
export function SaveButtons({ language }: SaveButtonsProps) {
  const [csvLanguage, setCsvLanguage] = useState<LanguageCode>('fi');
  const [isSaving, setSaving] = useState(false);
  const [hasFailed, setFailed] = useState(false);
  const today = new Date().toISOString().slice(0, 10);
  const save = async (request: { kind: 'csv'; language: LanguageCode } | { kind: 'json' }, name: string) => {
    setSaving(true);
    setFailed(false);
    try {
      const file = request.kind === 'csv' ? await intakeWorker().csv(request.language) : await intakeWorker().json();
      // A download link works from file:// and with no network.
      const url = URL.createObjectURL(file);
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch {
      // Nothing kept is changed by a file that was not made: saying so, in the page's language, is all there is to do.
      setFailed(true);
    } finally {
      setSaving(false);
    }
  };
  return (
    <div className="save-buttons" aria-busy={isSaving}>
      <label className="csv-language">
        {qrText(language, 'receiver.csvLanguage')}
        <select value={csvLanguage} data-testid="csv-language" onChange={(event) => setCsvLanguage(csvLanguages.find((code) => code === event.currentTarget.value) ?? csvLanguage)}>
          {csvLanguages.map((code) => (
            <option key={code} value={code} lang={code}>
              {languageNames[code]}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="receiver-button" disabled={isSaving} onClick={() => void save({ kind: 'csv', language: csvLanguage }, `kerro-${today}.csv`)}>
        {qrText(language, 'receiver.saveCsv')}
      </button>
      <button type="button" className="receiver-button" disabled={isSaving} onClick={() => void save({ kind: 'json' }, `kerro-${today}.json`)}>
        {qrText(language, 'receiver.saveJson')}
      </button>
      {isSaving && <p role="status">{qrText(language, 'receiver.saving')}</p>}
      {hasFailed && (
        <p role="alert" className="receiver-notice receiver-notice--problem" data-testid="save-failed">
          {qrText(language, 'receiver.saveFailed')}
        </p>
      )}
    </div>
  );
}
