import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { makeTempDir } from './temp-dir';

export interface XDisplay {
  /** The DISPLAY value, such as ":99". */
  name: string;
  width: number;
  height: number;
  /** What the screen shows now, read from the X server's own framebuffer. */
  capture(): Promise<PNG>;
  stop(): Promise<void>;
}

/**
 * A virtual X screen (Xvfb) on a display number it picks itself, with its framebuffer kept in a
 * file (-fbdir), so what the screen shows is read without any screenshot program.
 */
export async function startXvfb(width: number, height: number): Promise<XDisplay> {
  const framebufferDir = await makeTempDir('kerro-xvfb-');
  const server = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', `${width}x${height}x24`, '-nolisten', 'tcp', '-fbdir', framebufferDir], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  const name = await new Promise<string>((resolve, reject) => {
    let errors = '';
    server.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
    server.stdio[3]?.on('data', (chunk: Buffer) => resolve(`:${chunk.toString('utf8').trim()}`));
    server.on('error', reject);
    server.on('exit', (code) => reject(new Error(`Xvfb exited (${code}) before it was ready:\n${errors}`)));
  });
  return {
    name,
    width,
    height,
    capture: async () => decodeXwd(await readFile(join(framebufferDir, 'Xvfb_screen0'))),
    stop: () => end(server),
  };
}

function end(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Presses keys the way a keyboard would, through the X server (XTEST), not through the page. */
export function pressKeys(display: XDisplay, keys: string): void {
  const result = spawnSync('xdotool', ['key', keys], { env: { ...process.env, DISPLAY: display.name }, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`xdotool key ${keys} failed: ${result.stderr}`);
}

/** A tap where a finger would make it: the pointer moves there and clicks, through the X server. */
export function tapAt(display: XDisplay, x: number, y: number): void {
  const result = spawnSync('xdotool', ['mousemove', String(Math.round(x)), String(Math.round(y)), 'click', '1'], { env: { ...process.env, DISPLAY: display.name }, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`xdotool click failed: ${result.stderr}`);
}

/** An X window dump (XWD, version 7) of a 24-bit TrueColor screen as an RGBA picture. */
export function decodeXwd(file: Buffer): PNG {
  const field = (index: number) => file.readUInt32BE(index * 4);
  const [headerSize, version, width, height, byteOrder, bitsPerPixel, bytesPerLine, redMask, greenMask, blueMask, colours] = [
    field(0), field(1), field(4), field(5), field(7), field(11), field(12), field(14), field(15), field(16), field(19),
  ];
  if (version !== 7 || bitsPerPixel !== 32) throw new Error(`Not a 32-bit XWD file (version ${version}, ${bitsPerPixel} bits per pixel)`);
  const start = headerSize + colours * 12;
  const shift = (mask: number) => Math.log2(mask & -mask);
  const picture = new PNG({ width, height });
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const offset = start + y * bytesPerLine + x * 4;
      const pixel = byteOrder === 0 ? file.readUInt32LE(offset) : file.readUInt32BE(offset);
      const target = (y * width + x) * 4;
      picture.data[target] = (pixel & redMask) >>> shift(redMask);
      picture.data[target + 1] = (pixel & greenMask) >>> shift(greenMask);
      picture.data[target + 2] = (pixel & blueMask) >>> shift(blueMask);
      picture.data[target + 3] = 255;
    }
  }
  return picture;
}

/** The share of the screen's pixels that match the picture drawn for it within `tolerance` per channel (the picture may run past the screen's edge). */
export function sameShare(screen: PNG, drawn: PNG, tolerance = 8): number {
  if (drawn.width < screen.width || drawn.height < screen.height) return 0;
  let same = 0;
  for (let y = 0; y < screen.height; y += 1) {
    for (let x = 0; x < screen.width; x += 1) {
      const onScreen = (y * screen.width + x) * 4;
      const inDrawing = (y * drawn.width + x) * 4;
      const channels = [0, 1, 2].every((channel) => Math.abs((screen.data[onScreen + channel] ?? 0) - (drawn.data[inDrawing + channel] ?? 0)) <= tolerance);
      if (channels) same += 1;
    }
  }
  return same / (screen.width * screen.height);
}
