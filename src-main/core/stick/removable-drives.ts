import type { Drive } from 'drivelist';
import type { ExportTarget } from '../../../src-shared/contract/exports';
import type { Logger } from '../logger';
import { nodeFileSystem, type FileSystem } from '../store/file-system';
import { describeFolder, type TargetSource } from './targets';

/** How drivelist is reached; the Electron shell passes `drivelist.list`, tests pass their own. */
export type ListDrives = () => Promise<Drive[]>;

export interface MountedStick {
  path: string;
  /** The volume label where the stick has one, else the drive's own description. */
  name: string;
  isReadOnly: boolean;
}

/**
 * The mounted volumes a facilitator could mean by "the USB stick". A system disk is never one,
 * even when the firmware calls it removable; neither is a virtual device (zram swap reports
 * itself removable on Linux), nor a stick the OS has not mounted, since there is nowhere to write.
 */
export function removableVolumes(drives: readonly Drive[]): MountedStick[] {
  return drives
    .filter((drive) => (drive.isRemovable || drive.isUSB === true) && !drive.isSystem && drive.isVirtual !== true)
    .flatMap((drive) =>
      drive.mountpoints.map((mountpoint) => ({
        path: mountpoint.path,
        name: mountpoint.label?.trim() || drive.description.trim() || mountpoint.path,
        isReadOnly: drive.isReadOnly,
      })),
    );
}

export interface DriveWatcherOptions {
  list: ListDrives;
  logger: Logger;
  /** How often drives are listed again while the staff area is looking. */
  pollMs?: number;
  /** How long polling goes on after the last look; a kiosk nobody exports from lists nothing. */
  idleAfterMs?: number;
  fileSystem?: FileSystem;
  now?: () => number;
}

export const drivePollMs = 2_000;
const defaultIdleAfterMs = 60_000;

/**
 * Keeps a fresh list of mounted removable drives. Listing runs `lsblk` or its Windows and macOS
 * counterparts, so it polls only while someone asked for targets within the last minute: the
 * export screen asks every few seconds, which keeps a plugged-in stick showing within one poll.
 */
export class DriveWatcher {
  private volumes: MountedStick[] = [];
  private timer: ReturnType<typeof setInterval> | null = null;
  private pending: Promise<void> | null = null;
  private lastAskedAt = 0;
  private hasReportedFailure = false;
  private readonly pollMs: number;
  private readonly idleAfterMs: number;
  private readonly fileSystem: FileSystem;
  private readonly now: () => number;

  constructor(private readonly options: DriveWatcherOptions) {
    this.pollMs = options.pollMs ?? drivePollMs;
    this.idleAfterMs = options.idleAfterMs ?? defaultIdleAfterMs;
    this.fileSystem = options.fileSystem ?? nodeFileSystem;
    this.now = options.now ?? Date.now;
  }

  /** The export targets now; the first call after a quiet spell lists drives before answering. */
  readonly targets: TargetSource = async () => {
    const isWaking = this.timer === null;
    this.lastAskedAt = this.now();
    if (isWaking) {
      this.timer = setInterval(() => this.tick(), this.pollMs);
      // Polling must never be what keeps the process alive at shutdown.
      this.timer.unref();
      await this.refresh();
    }
    const described = await Promise.all(this.volumes.map((volume) => this.describe(volume)));
    return described.filter((target) => target !== null);
  };

  get isPolling(): boolean {
    return this.timer !== null;
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  /** Resolves once any listing in flight has finished; for an orderly close. */
  async settled(): Promise<void> {
    await this.pending;
  }

  private tick(): void {
    if (this.now() - this.lastAskedAt > this.idleAfterMs) {
      this.stop();
      return;
    }
    void this.refresh();
  }

  private refresh(): Promise<void> {
    // A slow lsblk must not pile up listings behind it.
    this.pending ??= this.options
      .list()
      .then(
        (drives) => {
          this.volumes = removableVolumes(drives);
          this.hasReportedFailure = false;
        },
        (error: unknown) => {
          // Keep the last good list: one failed listing should not make a stick blink out.
          if (!this.hasReportedFailure) this.options.logger.warn('drives.list_failed', { message: String(error) });
          this.hasReportedFailure = true;
        },
      )
      .finally(() => {
        this.pending = null;
      });
    return this.pending;
  }

  private async describe(volume: MountedStick): Promise<ExportTarget | null> {
    const folder = await describeFolder(volume.path, this.fileSystem, 'stick');
    if (folder === null) return null;
    return { ...folder, name: volume.name, isWritable: folder.isWritable && !volume.isReadOnly };
  }
}

/** Every source's targets, each place once: a stick may also be named in `KERRO_EXPORT_DIRS`. */
export function combineTargets(...sources: TargetSource[]): TargetSource {
  return async () => {
    const lists = await Promise.all(sources.map((source) => source()));
    const byId = new Map<string, ExportTarget>();
    for (const target of lists.flat()) if (!byId.has(target.id)) byId.set(target.id, target);
    return [...byId.values()];
  };
}
