/** What one played piece of speech tells listeners (the end-to-end tests and the bench listen). */
export interface SpeechSamplesDetail {
  /** How many samples went to the speakers in this piece. */
  samples: number;
  /** The loudest sample, 0..1: a piece of silence has 0. */
  peak: number;
  /** When the words were asked for (performance.now()), so the wait for the first sample shows. */
  requestedAt: number;
}

/** The event fired on window for each piece of speech handed to Web Audio. */
export const speechSamplesEvent = 'kerro:speech-samples';

/**
 * Plays pieces of 16-bit speech back to back through Web Audio, each starting where the one
 * before ends, so speech starts with its first piece while the rest is still being made.
 */
export class SamplePlayer {
  private context: AudioContext | null = null;
  private nextStart = 0;
  private readonly playing = new Set<AudioBufferSourceNode>();

  isPrepared(): boolean {
    return this.context !== null;
  }

  /** Makes the audio output ahead of need; it stays silent until `wake`. */
  prepare(): AudioContext {
    this.context ??= new AudioContext({ latencyHint: 'interactive' });
    return this.context;
  }

  /** Called on a touch where possible: browsers let audio start only after the user has touched. */
  wake(): void {
    const context = this.prepare();
    if (context.state === 'suspended') void context.resume();
  }

  play(samples: Int16Array, sampleRate: number, requestedAt: number): void {
    this.wake();
    const context = this.prepare();
    const buffer = context.createBuffer(1, samples.length, sampleRate);
    const channel = buffer.getChannelData(0);
    let peak = 0;
    for (let index = 0; index < samples.length; index += 1) {
      const value = (samples[index] ?? 0) / 32768;
      channel[index] = value;
      peak = Math.max(peak, Math.abs(value));
    }
    const source = context.createBufferSource();
    source.buffer = buffer;
    source.connect(context.destination);
    const startAt = Math.max(context.currentTime, this.nextStart);
    source.start(startAt);
    this.nextStart = startAt + buffer.duration;
    this.playing.add(source);
    source.addEventListener('ended', () => this.playing.delete(source));
    const detail: SpeechSamplesDetail = { samples: samples.length, peak, requestedAt };
    window.dispatchEvent(new CustomEvent(speechSamplesEvent, { detail }));
  }

  stop(): void {
    for (const source of this.playing) source.stop();
    this.playing.clear();
    this.nextStart = 0;
  }
}
