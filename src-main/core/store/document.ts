import { constants } from 'node:fs';
import { join } from 'node:path';
import { Low, type Adapter } from 'lowdb';
import type { z } from 'zod';
import { backupPathOf, fsyncDirectory, writeFileDurably } from './durable-file';
import { errorCode, isNotFound } from './file-system';
import type { StoreContext } from './store-context';

export interface DocumentSpec<T> {
  /** File name inside the data folder, e.g. `kiosk.json`. */
  fileName: string;
  schemaVersion: number;
  schema: z.ZodType<T>;
  /** `migrations[n]` turns the data of version n into version n + 1. */
  migrations?: Record<number, (data: unknown) => unknown>;
}

/** What a document's spec declares besides its file and schema: a version and how older ones become it. */
type Versioning = Pick<DocumentSpec<unknown>, 'schemaVersion' | 'migrations'>;

/**
 * Declares a durable document: its file, the schema its data is read back through (the data's
 * type is the schema's), and its version with the migrations to it; version 1 until it changes.
 */
export function declareDocument<T>(fileName: string, schema: z.ZodType<T>, versioning: Versioning = { schemaVersion: 1 }): DocumentSpec<T> {
  return { fileName, schema, ...versioning };
}

/** The data a declared document holds. */
export type DocumentData<Spec> = Spec extends DocumentSpec<infer T> ? T : never;

type Loaded<T> =
  | { state: 'missing' }
  | { state: 'damaged'; problem: string }
  | { state: 'good'; data: T; migratedFrom: number | null };

/**
 * lowdb adapter that validates what it reads and makes each write durable before it returns.
 * A damaged file is quarantined and the previous good copy is used instead.
 */
export class DurableDocumentAdapter<T> implements Adapter<T> {
  constructor(
    private readonly context: StoreContext,
    private readonly spec: DocumentSpec<T>,
  ) {}

  get path(): string {
    return join(this.context.dataDir, this.spec.fileName);
  }

  async read(): Promise<T | null> {
    const current = await this.load(this.path);
    if (current.state === 'good') {
      if (current.migratedFrom !== null) await this.migrate(current.data, current.migratedFrom);
      await this.ensurePreviousCopy();
      return current.data;
    }
    if (current.state === 'damaged') {
      await this.context.quarantineFile(this.path, current.problem);
    }
    const previous = await this.load(backupPathOf(this.path));
    if (previous.state === 'damaged') {
      await this.context.quarantineFile(backupPathOf(this.path), previous.problem);
    }
    if (previous.state === 'good') {
      await this.write(previous.data);
      this.context.report(
        this.spec.fileName,
        current.state === 'damaged' ? current.problem : 'missing',
        'restored the previous good copy',
      );
      return previous.data;
    }
    if (current.state === 'damaged') {
      this.context.report(this.spec.fileName, current.problem, 'no good copy left: started from defaults');
    }
    return null;
  }

  async write(data: T): Promise<void> {
    const content = `${JSON.stringify({ schemaVersion: this.spec.schemaVersion, data }, null, 2)}\n`;
    try {
      await writeFileDurably(this.context.fileSystem, this.path, content);
    } catch (error) {
      this.context.noteWriteError(error);
      throw error;
    }
  }

  /**
   * A document written only once has no previous copy yet; the good one just read becomes it.
   * A real copy, not a link: damage to the current file's blocks must not reach its backup.
   */
  private async ensurePreviousCopy(): Promise<void> {
    try {
      await this.context.fileSystem.copyFile(this.path, backupPathOf(this.path), constants.COPYFILE_EXCL);
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error;
    }
  }

  private async load(path: string): Promise<Loaded<T>> {
    let text: string;
    try {
      text = await this.context.fileSystem.readFile(path, 'utf8');
    } catch (error) {
      if (isNotFound(error)) return { state: 'missing' };
      return { state: 'damaged', problem: `could not be read (${String(error)})` };
    }
    if (text.trim() === '') return { state: 'damaged', problem: 'empty' };
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return { state: 'damaged', problem: 'not valid JSON (truncated or damaged)' };
    }
    if (!isVersioned(parsed)) return { state: 'damaged', problem: 'wrong shape (no schema version)' };
    if (parsed.schemaVersion > this.spec.schemaVersion) {
      return { state: 'damaged', problem: `written by a newer version (schema ${parsed.schemaVersion})` };
    }
    let data = parsed.data;
    for (let version = parsed.schemaVersion; version < this.spec.schemaVersion; version += 1) {
      const step = this.spec.migrations?.[version];
      if (step === undefined) return { state: 'damaged', problem: `no migration from schema ${version}` };
      data = step(data);
    }
    const checked = this.spec.schema.safeParse(data);
    if (!checked.success) return { state: 'damaged', problem: 'wrong shape (fails its schema)' };
    const migratedFrom = parsed.schemaVersion < this.spec.schemaVersion ? parsed.schemaVersion : null;
    return { state: 'good', data: checked.data, migratedFrom };
  }

  /** The old file is copied aside before the migrated one replaces it, so a bad migration can be undone. */
  private async migrate(data: T, fromVersion: number): Promise<void> {
    const { fileSystem, backupDir } = this.context;
    await fileSystem.mkdir(backupDir, { recursive: true });
    const stamp = this.context.clock().toISOString().replaceAll(':', '-');
    await fileSystem.copyFile(this.path, join(backupDir, `${stamp}-v${fromVersion}-${this.spec.fileName}`));
    await fsyncDirectory(fileSystem, backupDir);
    await this.write(data);
    this.context.report(this.spec.fileName, `schema ${fromVersion} is older`, `migrated to schema ${this.spec.schemaVersion}, backup kept`);
  }
}

function isVersioned(value: unknown): value is { schemaVersion: number; data: unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    'schemaVersion' in value &&
    Number.isInteger(value.schemaVersion) &&
    'data' in value
  );
}

/**
 * A durable document as the rest of the core sees it: `data` is always what is on disk. A change
 * is a whole new value, written durably before it counts; a failed write leaves memory as it was,
 * or a later write would store the failed change after all.
 */
export class DurableDocument<T> {
  constructor(private readonly db: Low<T>) {}

  get data(): T {
    return this.db.data;
  }

  async replace(next: T): Promise<void> {
    const previous = this.db.data;
    this.db.data = next;
    try {
      await this.db.write();
    } catch (error) {
      this.db.data = previous;
      throw error;
    }
  }

  /**
   * Memory takes `next` whether or not the disk does: for guards that must hold even when the
   * disk cannot take them (wrong PINs counted on a full disk). A failed write still throws, so
   * the caller's reader hears of the full disk.
   */
  async hold(next: T): Promise<void> {
    this.db.data = next;
    await this.db.write();
  }

  /** Like `replace`, with a failure named for the people who see it. */
  async replaceOr(next: T, failure: (error: unknown) => Error): Promise<void> {
    try {
      await this.replace(next);
    } catch (error) {
      throw failure(error);
    }
  }
}

export interface OpenedDocument<T> {
  document: DurableDocument<T>;
  /** True when no stored copy existed and the document was made from its defaults. */
  isNew: boolean;
}

/** Opens a document declared by its spec: checked, migrated, restored from its previous copy, or made from `create`. */
export async function openDocument<T>(
  context: StoreContext,
  spec: DocumentSpec<T>,
  create: () => T,
): Promise<OpenedDocument<T>> {
  const adapter = new DurableDocumentAdapter(context, spec);
  const stored = await adapter.read();
  const db = new Low<T>(adapter, stored ?? create());
  if (stored === null) await db.write();
  return { document: new DurableDocument(db), isNew: stored === null };
}
