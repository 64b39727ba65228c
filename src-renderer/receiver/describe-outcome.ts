import type { LanguageCode } from '../../src-shared/i18n/languages';
import { qrText } from '../../src-shared/i18n/qr-messages';
import type { IntakeOutcome } from './use-batches';

/** One batch's fate in plain words of the page's language. */
export function describeOutcome(language: LanguageCode, outcome: IntakeOutcome): string {
  switch (outcome.kind) {
    case 'received':
      return qrText(language, 'receiver.received', { number: outcome.number, kiosk: outcome.kioskId, count: outcome.count });
    case 'duplicate':
      return qrText(language, 'receiver.duplicate', { number: outcome.number, kiosk: outcome.kioskId });
    case 'refused':
      return qrText(language, `receiver.refused.${outcome.reason}`);
  }
}
