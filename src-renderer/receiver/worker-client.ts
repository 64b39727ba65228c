import type { LanguageCode } from '../../src-shared/i18n/languages';
import type { FolderFiles } from './folder-files';
import { nextTask } from './next-task';
import { WorkerChannel } from './worker-channel';
import type { FolderReport, IntakeOutcome } from './worker-protocol';

/** Workers writing the CSV at once, each one run of it, where the browser has the cores. */
const mostShares = 4;

/**
 * The page's side of the intake worker: one worker for the page's life. The CSV is written by it
 * and, where there are cores to spare, by helpers made for that file only.
 */
export class WorkerClient {
  private readonly intake = new WorkerChannel();
  /** The file being saved, if any: clearing the kept batches waits for it. */
  private saving: Promise<unknown> = Promise.resolve();

  /**
   * Each folder is its own message, posted in a task of its own: copying a message's files for
   * the worker takes the page's thread about a millisecond a file, so thirty folders in one
   * message would hold the page for tens of milliseconds at once.
   */
  async takeFolders(folders: FolderFiles[], onReport: (report: FolderReport) => void): Promise<void> {
    const asked: Promise<void>[] = [];
    for (const folder of folders) {
      asked.push(
        this.intake.ask({ kind: 'folders', folders: [folder] }, (reply) => {
          if (reply.kind === 'folder') onReport(reply.report);
        }),
      );
      await nextTask();
    }
    await Promise.all(asked);
  }

  async takeTransferred(canonical: string, sha256: string): Promise<IntakeOutcome> {
    let outcome: IntakeOutcome = { kind: 'refused', reason: 'damaged' };
    await this.intake.ask({ kind: 'transferred', canonical, sha256 }, (reply) => {
      if (reply.kind === 'outcome') outcome = reply.outcome;
    });
    return outcome;
  }

  summarizeMissing(): Promise<void> {
    return this.intake.ask({ kind: 'summarizeMissing' });
  }

  json(): Promise<Blob> {
    return this.whileSaving(this.intake.file({ kind: 'json' }));
  }

  /**
   * The merged CSV. The intake worker cuts the kept batches into runs and writes the first;
   * helpers, one a run, write the others at the same time; the runs put one after another are the
   * file.
   */
  csv(language: LanguageCode): Promise<Blob> {
    const shares = Math.min(mostShares, Math.max(1, navigator.hardwareConcurrency || 1));
    const helpers: WorkerChannel[] = [];
    const parts: Promise<Blob>[] = [];
    const written = (async () => {
      try {
        let first = new Blob([]);
        await this.intake.ask({ kind: 'csv', language, shares }, (reply) => {
          if (reply.kind === 'file') first = reply.file;
          if (reply.kind !== 'plan') return;
          for (let share = 1; share < reply.plan.length; share += 1) {
            const helper = new WorkerChannel();
            helpers.push(helper);
            const part = helper.file({ kind: 'csvPart', language, plan: reply.plan, share });
            // Awaited below; a failure before then must not count as unhandled.
            part.catch(() => undefined);
            parts.push(part);
          }
        });
        return new Blob([first, ...(await Promise.all(parts))], { type: 'text/csv;charset=utf-8' });
      } finally {
        for (const helper of helpers) helper.close();
      }
    })();
    return this.whileSaving(written);
  }

  private whileSaving(file: Promise<Blob>): Promise<Blob> {
    this.saving = file.catch(() => undefined);
    return file;
  }

  /** After any file being saved: a helper may still be reading batches the plan named. */
  async clear(): Promise<void> {
    await this.saving;
    await this.intake.ask({ kind: 'clear' });
  }
}
