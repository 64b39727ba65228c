import type { LocalizedString } from '../../src-shared/contract/localize';
import { offlineLanguageOf } from './offline-languages';
import { SamplePlayer } from './sample-player';
import type { SpeechReply, SpeechRequest } from './speech-protocol';

/** Where the build puts the trimmed voices (scripts/speech/espeak-voices.mjs, speechDataFile). */
const dataPath = 'speech/espeak-ng-fi-sv-en.data';

interface Connection {
  worker: Worker;
  sampleRate: number;
}

const player = new SamplePlayer();
let connection: Promise<Connection> | null = null;
let utterance = 0;
let requestedAt = 0;

function send(worker: Worker, request: SpeechRequest): void {
  worker.postMessage(request);
}

function connect(): Promise<Connection> {
  // Vite makes the worker, and eSpeak NG inside it, a chunk of its own, fetched on this first call.
  const worker = new Worker(new URL('./speech-worker.ts', import.meta.url), { type: 'module', name: 'speech' });
  let sampleRate = 0;
  const opened = new Promise<Connection>((resolve, reject) => {
    worker.addEventListener('error', (event) => reject(new Error(event.message)));
    worker.addEventListener('message', (event: MessageEvent<SpeechReply>) => {
      const reply = event.data;
      switch (reply.type) {
        case 'ready':
          sampleRate = reply.sampleRate;
          resolve({ worker, sampleRate: reply.sampleRate });
          return;
        case 'failed':
          reject(new Error(reply.message));
          return;
        case 'samples':
          if (reply.utterance === utterance) player.play(reply.samples, sampleRate, requestedAt);
          return;
        case 'spoken':
          return;
      }
    });
  });
  // The data is fetched here while the worker's own script loads, not after: the two overlap.
  fetch(new URL(dataPath, document.baseURI))
    .then((response) => {
      if (!response.ok) throw new Error(`The voices' data could not be read (${response.status})`);
      return response.arrayBuffer();
    })
    .then(
      (data) => worker.postMessage({ type: 'open', data } satisfies SpeechRequest, [data]),
      (error: unknown) => worker.dispatchEvent(new ErrorEvent('error', { message: String(error) })),
    );
  // A voice that failed to start is tried afresh next time rather than left broken.
  opened.catch(() => {
    worker.terminate();
    connection = null;
  });
  return opened;
}

/** Starts the engine ahead of the first words, where a screen knows it will speak soon. */
export function warmOfflineVoice(): void {
  connection ??= connect();
}

/** Reads the pieces whose language the bundled voice speaks, one after another; others are left out. */
export function speakOffline(pieces: readonly LocalizedString[]): void {
  stopOffline();
  player.wake();
  const current = utterance;
  requestedAt = performance.now();
  warmOfflineVoice();
  connection?.then(({ worker }) => {
    if (current !== utterance) return;
    for (const piece of pieces) {
      const language = offlineLanguageOf(piece.language);
      if (language === null || piece.text.trim() === '') continue;
      send(worker, { type: 'speak', utterance: current, text: piece.text, language });
    }
  }, () => undefined);
}

/** Cuts off what is being said: samples still coming for it are dropped. */
export function stopOffline(): void {
  utterance += 1;
  player.stop();
}
