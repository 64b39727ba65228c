import type { LanguageCode } from '../../src-shared/i18n/languages';
import type { FolderFiles } from './folder-files';
import { nextTask } from './next-task';
import IntakeWorker from './intake-worker?worker&inline';
import type { FolderReport, IntakeOutcome, WorkerReply, WorkerRequest } from './worker-protocol';

type Pending = {
  onReply: (reply: WorkerReply) => void;
  resolve: () => void;
  reject: (error: Error) => void;
};

/** WorkerRequest without its id, for each kind: the client numbers requests itself. */
type Asked = WorkerRequest extends infer Request ? (Request extends WorkerRequest ? Omit<Request, 'id'> : never) : never;

/**
 * The page's side of the intake worker: one worker for the page's life, requests numbered,
 * progress and results handed to whoever asked.
 */
export class WorkerClient {
  private readonly worker = new IntakeWorker();
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor() {
    this.worker.addEventListener('message', (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      const waiting = this.pending.get(reply.id);
      if (waiting === undefined) return;
      if (reply.kind === 'done') {
        this.pending.delete(reply.id);
        waiting.resolve();
      } else if (reply.kind === 'failed') {
        this.pending.delete(reply.id);
        waiting.reject(new Error(reply.message));
      } else {
        waiting.onReply(reply);
      }
    });
  }

  private ask(request: Asked, onReply: (reply: WorkerReply) => void = () => undefined): Promise<void> {
    const id = this.nextId;
    this.nextId += 1;
    return new Promise<void>((resolve, reject) => {
      this.pending.set(id, { onReply, resolve, reject });
      this.worker.postMessage({ ...request, id } satisfies WorkerRequest);
    });
  }

  /**
   * Each folder is its own message, posted in a task of its own: copying a message's files for
   * the worker takes the page's thread about a millisecond a file, so thirty folders in one
   * message would hold the page for tens of milliseconds at once.
   */
  async takeFolders(folders: FolderFiles[], onReport: (report: FolderReport) => void): Promise<void> {
    const asked: Promise<void>[] = [];
    for (const folder of folders) {
      asked.push(
        this.ask({ kind: 'folders', folders: [folder] }, (reply) => {
          if (reply.kind === 'folder') onReport(reply.report);
        }),
      );
      await nextTask();
    }
    await Promise.all(asked);
  }

  async takeTransferred(canonical: string, sha256: string): Promise<IntakeOutcome> {
    let outcome: IntakeOutcome = { kind: 'refused', reason: 'damaged' };
    await this.ask({ kind: 'transferred', canonical, sha256 }, (reply) => {
      if (reply.kind === 'outcome') outcome = reply.outcome;
    });
    return outcome;
  }

  summarizeMissing(): Promise<void> {
    return this.ask({ kind: 'summarizeMissing' });
  }

  async file(request: { kind: 'csv'; language: LanguageCode } | { kind: 'json' }): Promise<Blob> {
    let file = new Blob([]);
    await this.ask(request, (reply) => {
      if (reply.kind === 'file') file = reply.file;
    });
    return file;
  }

  clear(): Promise<void> {
    return this.ask({ kind: 'clear' });
  }
}
