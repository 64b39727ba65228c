import type { ErrorCode } from '../../../src-shared/contract/result';
import type { MessageKey } from '../../../src-shared/i18n/fi';
import { fill } from '../../../src-shared/i18n/format';
import { translate } from '../../../src-shared/i18n/messages';
import type { LanguageCode } from '../../../src-shared/i18n/languages';
import { KerroError } from '../errors';
import { errorCode } from '../store/file-system';

const reasons = {
  targetMissing: { key: 'export.failure.targetMissing', code: 'not_found' },
  diskFull: { key: 'export.failure.diskFull', code: 'storage_failed' },
  readOnly: { key: 'export.failure.readOnly', code: 'storage_failed' },
  targetGone: { key: 'export.failure.targetGone', code: 'storage_failed' },
  notMounted: { key: 'export.failure.notMounted', code: 'not_found' },
  nameClash: { key: 'export.failure.nameClash', code: 'conflict' },
  checkFailed: { key: 'export.failure.checkFailed', code: 'storage_failed' },
  writeFailed: { key: 'export.failure.writeFailed', code: 'storage_failed' },
  nothingNew: { key: 'export.failure.nothingNew', code: 'conflict' },
  busy: { key: 'export.failure.busy', code: 'conflict' },
  unknownTarget: { key: 'export.failure.unknownTarget', code: 'not_found' },
  unknownBatch: { key: 'export.failure.unknownBatch', code: 'not_found' },
  batchDamaged: { key: 'export.failure.batchDamaged', code: 'internal' },
  batchPurged: { key: 'export.failure.batchPurged', code: 'conflict' },
  packNotFound: { key: 'pollPack.failure.notFound', code: 'not_found' },
  packTooLarge: { key: 'pollPack.failure.tooLarge', code: 'too_large' },
  packNotText: { key: 'pollPack.failure.notText', code: 'invalid_input' },
  packNotJson: { key: 'pollPack.failure.notJson', code: 'invalid_input' },
  packTooDeep: { key: 'pollPack.failure.tooDeep', code: 'invalid_input' },
  packForbiddenKey: { key: 'pollPack.failure.forbiddenKey', code: 'invalid_input' },
  packWrongFormat: { key: 'pollPack.failure.wrongFormat', code: 'invalid_input' },
  packWrongVersion: { key: 'pollPack.failure.wrongVersion', code: 'invalid_input' },
  packInvalid: { key: 'pollPack.failure.invalid', code: 'invalid_input' },
  packConflict: { key: 'pollPack.failure.conflict', code: 'conflict' },
  packExists: { key: 'pollPack.failure.exists', code: 'conflict' },
} as const satisfies Record<string, { key: MessageKey; code: ErrorCode }>;

export type TransferFailureReason = keyof typeof reasons;

/**
 * Why moving data to or from a stick failed, as a reason the staff screens and the command line
 * can act on, with a plain message in English (`message`) or the kiosk's language (`localized`).
 */
export class TransferFailure extends KerroError {
  constructor(
    readonly reason: TransferFailureReason,
    readonly values: Record<string, string | number> = {},
  ) {
    super(reasons[reason].code, fill(translate('en', reasons[reason].key), values));
    this.name = 'TransferFailure';
  }

  localized(language: LanguageCode): string {
    return fill(translate(language, reasons[this.reason].key), this.values);
  }
}

/** Reads an errno from the stick as the staff member would put it. */
export function failureFromError(error: unknown, targetName: string): TransferFailure {
  if (error instanceof TransferFailure) return error;
  const name = { name: targetName };
  switch (errorCode(error) ?? '') {
    case 'ENOSPC':
    case 'EDQUOT':
    case 'EFBIG':
      return new TransferFailure('diskFull', name);
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
      return new TransferFailure('readOnly', name);
    case 'ENOENT':
    case 'EIO':
    case 'ENODEV':
    case 'ENXIO':
    case 'ESTALE':
    case 'ENOTDIR':
      return new TransferFailure('targetGone', name);
    default:
      return new TransferFailure('writeFailed', { ...name, detail: errorCode(error) ?? String(error).slice(0, 120) });
  }
}
