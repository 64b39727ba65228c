import type { BatchSummary } from '../../../src-shared/contract/exports';
import { fill } from '../../../src-shared/i18n/format';
import type { Messages } from '../../../src-shared/i18n/fi';
import type { LanguageCode } from '../../../src-shared/i18n/languages';
import { formatDate, formatDateTime } from '../time-format';
import { UserText } from '../../user-text/UserText';

interface BatchRowProps {
  batch: BatchSummary;
  texts: Messages;
  language: LanguageCode;
  /** False while an export runs or no stick is there: one write to a stick at a time. */
  canExport: boolean;
  onReexport: () => void;
}

export function BatchRow({ batch, texts, language, canExport, onReexport }: BatchRowProps) {
  return (
    <li className="usb-batch" data-batch={batch.number}>
      <div className="usb-batch-facts">
        <h3>{fill(texts['usb.batch'], { number: batch.number, count: batch.count })}</h3>
        <p className="usb-folder">
          <UserText text={batch.folder} />
        </p>
        <p>{batch.exportedAt === null ? texts['usb.notExported'] : fill(texts['usb.exportedAt'], { time: formatDateTime(batch.exportedAt, language) })}</p>
      </div>
      {batch.purgedAt === null ? (
        <button type="button" className="secondary-button" data-action="reexport" disabled={!canExport} onClick={onReexport}>
          {texts['usb.reexport']}
        </button>
      ) : (
        <p className="usb-purged" data-purged>
          {fill(texts['usb.purgedAt'], { date: formatDate(batch.purgedAt, language) })}
        </p>
      )}
    </li>
  );
}
