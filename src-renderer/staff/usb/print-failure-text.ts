import type { PrintFailureReason, PrintFailureView } from '../../../src-shared/contract/exports';
import type { MessageKey, Messages } from '../../../src-shared/i18n/fi';
import { fill } from '../../../src-shared/i18n/format';

const reasonKeys = {
  timeout: 'usb.pdfFailed.timeout',
  tooLarge: 'usb.pdfFailed.tooLarge',
  stopped: 'usb.pdfFailed.stopped',
  notPdf: 'usb.pdfFailed.notPdf',
  other: 'usb.pdfFailed.other',
} as const satisfies Record<PrintFailureReason, MessageKey>;

/**
 * What happened and what to do, in the staff's language. The raw detail is shown only for
 * 'other', where nothing else says what went wrong; for the named kinds it stays in the log.
 */
export function printFailureText(failure: PrintFailureView, texts: Messages): string {
  const reason = fill(texts[reasonKeys[failure.reason]], failure);
  return fill(texts['usb.pdfFailed'], { reason });
}
