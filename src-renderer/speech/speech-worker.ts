// The speech worker: eSpeak NG runs here, off the main thread, so making speech never holds up a
// touch. Loaded only when something is first read aloud by the bundled voice.
import createEspeak from '@echogarden/espeak-ng-emscripten';
import { openEspeak, type SpeechEngine } from './espeak-engine';
import type { SpeechReply, SpeechRequest } from './speech-protocol';

type SpeakRequest = Extract<SpeechRequest, { type: 'speak' }>;

let engine: Promise<SpeechEngine> | null = null;
const waiting: SpeakRequest[] = [];
/** The newest utterance asked for: older ones still waiting are dropped, a new touch cuts them off. */
let newest = 0;
let isScheduled = false;

function reply(message: SpeechReply, transfer: Transferable[] = []): void {
  self.postMessage(message, { transfer });
}


/**
 * One piece at a time, each in its own task: messages that came in while a piece was being made
 * are read first, so a newer utterance is known before an older one's next piece is started.
 */
function scheduleNext(opened: SpeechEngine): void {
  if (isScheduled || waiting.length === 0) return;
  isScheduled = true;
  setTimeout(() => {
    isScheduled = false;
    const request = waiting.shift();
    if (request !== undefined && request.utterance >= newest) {
      opened.speak(request.text, request.language, (samples) => {
        reply({ type: 'samples', utterance: request.utterance, samples }, [samples.buffer]);
      });
      reply({ type: 'spoken', utterance: request.utterance });
    }
    scheduleNext(opened);
  }, 0);
}

self.addEventListener('message', (event: MessageEvent<SpeechRequest>) => {
  const request = event.data;
  switch (request.type) {
    case 'open':
      engine ??= openEspeak(createEspeak, request.data).then((opened) => {
        // Opened ahead of need, the engine primes itself; words already waiting would only wait longer for it.
        if (waiting.length === 0) opened.prime(request.language);
        return opened;
      });
      engine.then(
        (opened) => {
          reply({ type: 'ready', sampleRate: opened.sampleRate });
          scheduleNext(opened);
        },
        (error: unknown) => reply({ type: 'failed', message: String(error) }),
      );
      return;
    case 'speak':
      newest = Math.max(newest, request.utterance);
      waiting.push(request);
      // Words may come before the engine is open (the screen sends them at once): they wait for it.
      engine?.then(scheduleNext, () => undefined);
      return;
  }
});

reply({ type: 'loaded' });
