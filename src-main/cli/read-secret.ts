import type { CommandIo } from './command';

/**
 * Reads one line from standard input. At a terminal the typed characters are not echoed, so a
 * PIN stays off the screen as well as out of argv (where `ps` would show it).
 */
export function readSecretLine(io: CommandIo, prompt: string): Promise<string | null> {
  const { stdin } = io;
  const isTerminal = stdin.isTTY === true && stdin.setRawMode !== undefined;
  if (isTerminal) {
    io.stderr.write(prompt);
    stdin.setRawMode?.(true);
  }
  return new Promise((resolve, reject) => {
    let text = '';
    const finish = (line: string | null) => {
      stdin.off('data', onData);
      stdin.off('end', onEnd);
      stdin.off('error', reject);
      if (isTerminal) {
        stdin.setRawMode?.(false);
        io.stderr.write('\n');
      }
      stdin.pause();
      resolve(line);
    };
    const onData = (chunk: Buffer | string) => {
      text += chunk.toString();
      // Ctrl-C in raw mode arrives as a character rather than a signal.
      if (text.includes('\u0003')) return finish(null);
      const end = text.search(/\r|\n/);
      if (end !== -1) finish(text.slice(0, end));
    };
    const onEnd = () => finish(text === '' ? null : text);
    stdin.on('data', onData);
    stdin.on('end', onEnd);
    stdin.on('error', reject);
    stdin.resume();
  });
}
