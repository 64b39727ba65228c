import { basename, join } from 'node:path';
import type { Recovery } from '../../../src-shared/contract/kiosk';
import { fsyncDirectory } from './durable-file';
import { errorCode, type FileSystem } from './file-system';
import type { Logger } from '../logger';

/** What every part of the store shares: where it lives, how it touches files, what it reports. */
export class StoreContext {
  readonly recoveries: Recovery[] = [];
  lastWriteError: { code: string; at: string } | null = null;
  private quarantinedCount = 0;

  constructor(
    readonly dataDir: string,
    readonly fileSystem: FileSystem,
    readonly clock: () => Date,
    readonly logger: Logger,
  ) {}

  get quarantineDir(): string {
    return join(this.dataDir, 'quarantine');
  }

  get backupDir(): string {
    return join(this.dataDir, 'backups');
  }

  get quarantined(): number {
    return this.quarantinedCount;
  }

  async prepare(): Promise<void> {
    await this.fileSystem.mkdir(this.dataDir, { recursive: true });
    await this.fileSystem.mkdir(this.quarantineDir, { recursive: true });
    const entries = await this.fileSystem.readdir(this.quarantineDir);
    this.quarantinedCount = entries.length;
  }

  report(file: string, problem: string, action: string): void {
    const recovery = { file, problem, action, at: this.clock().toISOString() };
    this.recoveries.push(recovery);
    this.logger.warn('store.recovered', recovery);
  }

  noteWriteError(error: unknown): void {
    this.lastWriteError = { code: errorCode(error) ?? 'UNKNOWN', at: this.clock().toISOString() };
    this.logger.error('store.writeFailed', { code: this.lastWriteError.code, message: String(error) });
  }

  noteWriteSuccess(): void {
    this.lastWriteError = null;
  }

  /** Moves a damaged file out of the way, never deleting it, so support can look at it later. */
  async quarantineFile(path: string, problem: string): Promise<string> {
    const target = join(this.quarantineDir, `${this.stamp()}-${basename(path)}`);
    await this.fileSystem.rename(path, target);
    await fsyncDirectory(this.fileSystem, this.quarantineDir);
    this.quarantinedCount += 1;
    this.logger.warn('store.quarantined', { path, target, problem });
    return target;
  }

  /** Keeps bytes that are about to be cut from a file (a torn journal tail) in the quarantine. */
  async quarantineBytes(name: string, bytes: Uint8Array): Promise<string> {
    const target = join(this.quarantineDir, `${this.stamp()}-${name}`);
    const handle = await this.fileSystem.open(target, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fsyncDirectory(this.fileSystem, this.quarantineDir);
    this.quarantinedCount += 1;
    return target;
  }

  private stamp(): string {
    return `${this.clock().toISOString().replaceAll(':', '-')}-${Math.random().toString(36).slice(2, 8)}`;
  }
}
