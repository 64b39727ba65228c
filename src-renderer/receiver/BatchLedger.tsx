import type { ReactNode } from 'react';
import type { LanguageCode } from '../../src-shared/i18n/languages';
import { qrText } from '../../src-shared/i18n/qr-messages';
import { finnishDate } from '../../src-shared/qr/batch-tally';
import type { KioskLedger } from '../../src-shared/qr/merge';
import { withoutBidiControls } from '../../src-shared/text/free-text';

export interface BatchLedgerProps {
  language: LanguageCode;
  kiosks: readonly KioskLedger[];
}

/** Every kiosk's batches, with missing numbers and breaks in the hash chain said plainly. */
export function BatchLedger({ language, kiosks }: BatchLedgerProps) {
  return (
    <section aria-labelledby="batches-heading">
      <h2 id="batches-heading">{qrText(language, 'receiver.batches')}</h2>
      {kiosks.length === 0 && <p>{qrText(language, 'receiver.noBatches')}</p>}
      {kiosks.map((kiosk) => (
        <div className="ledger-kiosk" key={kiosk.kioskId} data-testid="ledger-kiosk">
          <h3>{siteIsolated(qrText(language, 'receiver.kiosk', { kiosk: kiosk.kioskId }), kiosk.site)}</h3>
          <ul>
            {kiosk.batches.map((batch) => (
              <li key={batch.number}>
                {qrText(language, 'receiver.batchLine', {
                  number: batch.number,
                  count: batch.count,
                  period: periodOf(batch.first, batch.last),
                })}
              </li>
            ))}
          </ul>
          {kiosk.missing.length > 0 && (
            <p className="receiver-notice receiver-notice--problem">{qrText(language, 'receiver.gap', { numbers: kiosk.missing.join(', ') })}</p>
          )}
          {kiosk.chainBreaks.map((number) => (
            <p key={number} className="receiver-notice receiver-notice--problem">
              {qrText(language, 'receiver.chainBreak', { number })}
            </p>
          ))}
          {kiosk.missing.length === 0 && kiosk.chainBreaks.length === 0 && (
            <p className="receiver-notice receiver-notice--good">{qrText(language, 'receiver.chainOk', { last: kiosk.batches.at(-1)?.number ?? 0 })}</p>
          )}
        </div>
      ))}
    </section>
  );
}

function periodOf(first: string | null, last: string | null): string {
  if (first === null || last === null) return '';
  const from = finnishDate(first);
  const to = finnishDate(last);
  return from === to ? from : `${from}–${to}`;
}

/** The site's name is a person's words: isolated, so a right-to-left name cannot reorder the sentence around it. */
function siteIsolated(sentence: string, site: string): ReactNode[] {
  return sentence.split('{site}').flatMap((piece, index) => (index === 0 ? [piece] : [<bdi key={index}>{withoutBidiControls(site)}</bdi>, piece]));
}
