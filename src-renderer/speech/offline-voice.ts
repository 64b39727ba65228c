import type { LocalizedString } from '../../src-shared/contract/localize';
import { offlineLanguageOf } from './offline-languages';
import { SamplePlayer } from './sample-player';
import type { SpeechReply, SpeechRequest } from './speech-protocol';

/** Where the build puts the trimmed engine (scripts/speech/espeak-voices.mjs, speechEngineFile). */
const enginePath = 'speech/espeak-ng-fi-sv-en.wasm';

const player = new SamplePlayer();
let worker: Worker | null = null;
let utterance = 0;
let requestedAt = 0;
/** Whether words have been asked for: the audio output is then woken as soon as it is made. */
let isWanted = false;

function send(target: Worker, request: SpeechRequest, transfer: Transferable[] = []): void {
  target.postMessage(request, transfer);
}

/** A voice that failed to start is tried afresh next time rather than left broken. */
function dropWorker(failed: Worker): void {
  failed.terminate();
  if (worker === failed) worker = null;
}

function startWorker(): Worker {
  // Vite makes the worker, and eSpeak NG inside it, a chunk of its own, fetched on this first call.
  const started = new Worker(new URL('./speech-worker.ts', import.meta.url), { type: 'module', name: 'speech' });
  // The first audio output in a browser holds this thread for a while (over 100 ms here). Made on
  // the touch, it would keep the worker from starting and the data from being handed over; made
  // once both are done, in a task of its own (a message is not passed on until its task ends), it
  // is ready while the worker compiles the engine.
  let stepsBeforeAudio = 2;
  const stepDone = () => {
    stepsBeforeAudio -= 1;
    if (stepsBeforeAudio > 0) return;
    setTimeout(() => {
      player.prepare();
      if (isWanted) player.wake();
    }, 0);
  };
  started.addEventListener('error', () => dropWorker(started));
  started.addEventListener('message', (event: MessageEvent<SpeechReply>) => {
    const reply = event.data;
    switch (reply.type) {
      case 'loaded':
        stepDone();
        return;
      case 'failed':
        dropWorker(started);
        return;
      case 'samples':
        if (reply.utterance === utterance) player.play(reply.samples, reply.sampleRate, requestedAt);
        return;
    }
  });
  // The engine is fetched here while the worker's own script loads, not after: the two overlap.
  fetch(new URL(enginePath, document.baseURI))
    .then((response) => {
      if (!response.ok) throw new Error(`The speech engine could not be read (${response.status})`);
      return response.arrayBuffer();
    })
    .then(
      (engine) => {
        send(started, { type: 'open', engine }, [engine]);
        stepDone();
      },
      () => dropWorker(started),
    );
  return started;
}

/**
 * Starts the engine ahead of the first words: on a visitor's first touch, before any words are
 * asked for, so that by the time they are the engine is running.
 */
export function warmOfflineVoice(): Worker {
  worker ??= startWorker();
  return worker;
}

/**
 * Reads the pieces whose language the bundled voice speaks, one after another; others are left
 * out. The words go to the worker at once: it holds them until the engine has opened.
 */
export function speakOffline(pieces: readonly LocalizedString[]): void {
  stopOffline();
  requestedAt = performance.now();
  const spoken = pieces.flatMap((piece) => {
    const language = offlineLanguageOf(piece.language);
    return language === null || piece.text.trim() === '' ? [] : [{ text: piece.text, language }];
  });
  const first = spoken[0];
  if (first === undefined) return;
  const target = warmOfflineVoice();
  isWanted = true;
  if (player.isPrepared()) player.wake();
  for (const { text, language } of spoken) send(target, { type: 'speak', utterance, text, language });
}

/** Cuts off what is being said: samples still coming for it are dropped. */
export function stopOffline(): void {
  utterance += 1;
  player.stop();
}
