import type { FileSystem } from './file-system';

const chunkBytes = 256 * 1024;
const newline = 0x0a;

export interface Line {
  /** The line's text without its LF. */
  text: string;
  /** False only for a last line that has no LF after it. */
  hasNewline: boolean;
}

/**
 * Reads a UTF-8 file line by line without holding more than one chunk and one line. `onChunk`
 * sees every byte read, in order, before the lines in it: for hashing or copying the file as it
 * is, without encoding each line again. The chunk is reused afterwards; copy what is kept.
 */
export async function* readLines(fileSystem: FileSystem, path: string, onChunk?: (chunk: Buffer) => void): AsyncGenerator<Line> {
  const handle = await fileSystem.open(path, 'r');
  const buffer = Buffer.alloc(chunkBytes);
  let carry: Buffer = Buffer.alloc(0);
  try {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      onChunk?.(buffer.subarray(0, bytesRead));
      const chunk = carry.length === 0 ? buffer.subarray(0, bytesRead) : Buffer.concat([carry, buffer.subarray(0, bytesRead)]);
      let start = 0;
      for (let end = chunk.indexOf(newline, start); end !== -1; end = chunk.indexOf(newline, start)) {
        yield { text: chunk.toString('utf8', start, end), hasNewline: true };
        start = end + 1;
      }
      // The rest is copied: `buffer` is overwritten by the next read.
      carry = Buffer.from(chunk.subarray(start));
    }
    if (carry.length > 0) yield { text: carry.toString('utf8'), hasNewline: false };
  } finally {
    await handle.close();
  }
}
