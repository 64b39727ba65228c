import type { LanguageCode } from '../../src-shared/i18n/languages';
import type { RefusalReason } from '../../src-shared/qr/batch-intake';
import type { BatchKey } from './batch-store';
import type { FolderFiles } from './folder-files';

export type IntakeOutcome =
  | { kind: 'received'; kioskId: string; number: number; count: number }
  | { kind: 'duplicate'; kioskId: string; number: number }
  | { kind: 'refused'; reason: RefusalReason | 'conflict' | 'noResponses' };

/** What became of one folder brought in. */
export interface FolderReport {
  label: string;
  outcome: IntakeOutcome;
}

/** What the page asks of the intake worker; each request carries an id its answer repeats. */
export type WorkerRequest =
  | { kind: 'folders'; id: number; folders: FolderFiles[] }
  | { kind: 'transferred'; id: number; canonical: string; sha256: string }
  | { kind: 'summarizeMissing'; id: number }
  /** The merged CSV in `shares` runs at most: the plan is answered first, then the first run's file. */
  | { kind: 'csv'; id: number; language: LanguageCode; shares: number }
  /** One run of a planned CSV, written by a helper. */
  | { kind: 'csvPart'; id: number; language: LanguageCode; plan: BatchKey[][]; share: number }
  | { kind: 'json'; id: number }
  | { kind: 'clear'; id: number };

export type WorkerReply =
  | { kind: 'folder'; id: number; report: FolderReport }
  | { kind: 'outcome'; id: number; outcome: IntakeOutcome }
  | { kind: 'plan'; id: number; plan: BatchKey[][] }
  | { kind: 'file'; id: number; file: Blob }
  | { kind: 'done'; id: number }
  | { kind: 'failed'; id: number; message: string };
