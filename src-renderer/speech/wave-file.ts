/** Speech as eSpeak NG writes it: one channel of 16-bit samples. */
export interface Wave {
  sampleRate: number;
  samples: Int16Array;
}

const pcmFormat = 1;
const headerBytes = 12;

function tagAt(view: DataView, at: number): string {
  return String.fromCharCode(view.getUint8(at), view.getUint8(at + 1), view.getUint8(at + 2), view.getUint8(at + 3));
}

/**
 * Reads a RIFF WAVE file of mono 16-bit PCM. A data chunk whose stated length runs past the file's
 * end (a writer that never went back to fill it in) is read to the end of the file.
 */
export function readWave(bytes: Uint8Array): Wave {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < headerBytes || tagAt(view, 0) !== 'RIFF' || tagAt(view, 8) !== 'WAVE') throw new Error('The speech is not a WAVE file');
  let sampleRate = 0;
  for (let at = headerBytes; at + 8 <= bytes.byteLength; ) {
    const tag = tagAt(view, at);
    const length = view.getUint32(at + 4, true);
    const start = at + 8;
    if (tag === 'fmt ') {
      if (view.getUint16(start, true) !== pcmFormat || view.getUint16(start + 2, true) !== 1 || view.getUint16(start + 14, true) !== 16) {
        throw new Error('The speech is not mono 16-bit PCM');
      }
      sampleRate = view.getUint32(start + 4, true);
    }
    if (tag === 'data') {
      if (sampleRate === 0) throw new Error('The speech has no format before its samples');
      const end = Math.min(start + length, bytes.byteLength);
      // A copy: samples must start on an even byte, and the engine's memory is not kept.
      const samples = new Int16Array(Math.floor((end - start) / 2));
      new Uint8Array(samples.buffer).set(bytes.subarray(start, start + samples.length * 2));
      return { sampleRate, samples };
    }
    at = start + length + (length % 2);
  }
  throw new Error('The speech has no samples');
}
