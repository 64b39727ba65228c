import { retentionDayChoices, type PurgeSummary, type RetentionDays } from '../../src-shared/contract/retention';
import { fill } from '../../src-shared/i18n/format';
import type { Messages } from '../../src-shared/i18n/fi';
import { intlLocales, type LanguageCode } from '../../src-shared/i18n/languages';
import { ChoiceGroup } from './ChoiceGroup';
import { formatDate } from './time-format';

interface RetentionFieldProps {
  texts: Messages;
  language: LanguageCode;
  value: RetentionDays;
  lastPurge: PurgeSummary | null;
  onChange: (days: RetentionDays) => void;
}

/** How long exported answers stay, as big buttons, and the last purge, so removal is never silent. */
export function RetentionField({ texts, language, value, lastPurge, onChange }: RetentionFieldProps) {
  const choices = retentionDayChoices.map((days) => ({ value: String(days), label: fill(texts['settings.retentionDays'], { days }) }));
  return (
    <fieldset className="editor-section" data-field="retention">
      <legend>{texts['settings.retention']}</legend>
      <p className="field-hint">{texts['settings.retentionHint']}</p>
      <ChoiceGroup
        name="retention"
        label={texts['settings.retention']}
        value={String(value)}
        choices={choices}
        onChange={(chosen) => {
          const days = retentionDayChoices.find((choice) => String(choice) === chosen);
          if (days !== undefined) onChange(days);
        }}
      />
      <p className="field-hint" data-purge-history>
        {lastPurge === null ? texts['settings.noPurge'] : purgeLine(texts, language, lastPurge)}
      </p>
    </fieldset>
  );
}

function purgeLine(texts: Messages, language: LanguageCode, purge: PurgeSummary): string {
  const template = purge.batchFrom === purge.batchTo ? texts['settings.lastPurgeOne'] : texts['settings.lastPurge'];
  return fill(template, {
    date: formatDate(purge.at, language),
    count: new Intl.NumberFormat(intlLocales[language]).format(purge.answers),
    from: purge.batchFrom,
    to: purge.batchTo,
  });
}
