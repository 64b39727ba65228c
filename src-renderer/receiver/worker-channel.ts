import IntakeWorker from './intake-worker?worker&inline';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

type Pending = {
  onReply: (reply: WorkerReply) => void;
  resolve: () => void;
  reject: (error: Error) => void;
};

/** WorkerRequest without its id, for each kind: the channel numbers requests itself. */
export type Asked = WorkerRequest extends infer Request ? (Request extends WorkerRequest ? Omit<Request, 'id'> : never) : never;

/** One intake worker and the requests waiting on it: each numbered, its progress and results handed to whoever asked. */
export class WorkerChannel {
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

  ask(request: Asked, onReply: (reply: WorkerReply) => void = () => undefined): Promise<void> {
    const id = this.nextId;
    this.nextId += 1;
    return new Promise<void>((resolve, reject) => {
      this.pending.set(id, { onReply, resolve, reject });
      this.worker.postMessage({ ...request, id } satisfies WorkerRequest);
    });
  }

  /** The file a request makes. */
  async file(request: Asked): Promise<Blob> {
    let file = new Blob([]);
    await this.ask(request, (reply) => {
      if (reply.kind === 'file') file = reply.file;
    });
    return file;
  }

  /** Stops the worker; what it was asked and has not answered is given up. */
  close(): void {
    this.worker.terminate();
    for (const waiting of this.pending.values()) waiting.reject(new Error('worker closed'));
    this.pending.clear();
  }
}
