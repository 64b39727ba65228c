// The speech worker: eSpeak NG runs here, off the main thread, so making speech never holds up a
// touch. Loaded only when a visitor first touches the screen.
import createEspeak from 'espeak-ng';
import { openEspeak, type SpeechEngine } from './espeak-engine';
import type { SpeechReply, SpeechRequest } from './speech-protocol';

type SpeakRequest = Extract<SpeechRequest, { type: 'speak' }>;

let engine: Promise<SpeechEngine> | null = null;
const waiting: SpeakRequest[] = [];
/** The newest utterance asked for: older ones still waiting are dropped, a new touch cuts them off. */
let newest = 0;
let isSpeaking = false;

function reply(message: SpeechReply, transfer: Transferable[] = []): void {
  self.postMessage(message, { transfer });
}

/** One utterance at a time; between them, messages that came in are read, so a newer utterance is known first. */
async function speakWaiting(opened: SpeechEngine): Promise<void> {
  if (isSpeaking) return;
  isSpeaking = true;
  try {
    for (let request = waiting.shift(); request !== undefined; request = waiting.shift()) {
      if (request.utterance < newest) continue;
      const { samples, sampleRate } = await opened.speak(request.text, request.language);
      reply({ type: 'samples', utterance: request.utterance, samples, sampleRate }, [samples.buffer]);
    }
  } catch (error) {
    waiting.length = 0;
    reply({ type: 'failed', message: String(error) });
  } finally {
    isSpeaking = false;
  }
}

self.addEventListener('message', (event: MessageEvent<SpeechRequest>) => {
  const request = event.data;
  switch (request.type) {
    case 'open':
      engine ??= WebAssembly.compile(request.engine).then((compiled) => openEspeak(createEspeak, compiled));
      engine.then(
        (opened) => void speakWaiting(opened),
        (error: unknown) => reply({ type: 'failed', message: String(error) }),
      );
      return;
    case 'speak':
      newest = Math.max(newest, request.utterance);
      waiting.push(request);
      // Words may come before the engine is open (the screen sends them at once): they wait for it.
      void engine?.then(speakWaiting, () => undefined);
      return;
  }
});

reply({ type: 'loaded' });
