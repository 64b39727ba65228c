import { readdir, readFile } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export interface StaticFile {
  body: Buffer;
  gzip: Buffer | null;
  brotli: Buffer | null;
  contentType: string;
  /** Vite names hashed files under assets/; those never change, so browsers may keep them for good. */
  isImmutable: boolean;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

const compressible = new Set(['.html', '.js', '.css', '.svg', '.json', '.wasm', '.webmanifest', '.data']);

/**
 * Loads the built screens into memory once. The build compresses them ahead of time (`.br` and
 * `.gz` beside each file): the kiosk serves the same few files all day, and compressing them
 * again at start-up would cost a third of a second before the first screen.
 */
export async function loadStaticFiles(root: string): Promise<Map<string, StaticFile>> {
  const files = new Map<string, StaticFile>();
  const paths = await listFiles(root);
  const present = new Set(paths);
  for (const path of paths) {
    if (path.endsWith('.br') || path.endsWith('.gz')) continue;
    const urlPath = `/${relative(root, path).split(sep).join('/')}`;
    const extension = extname(path);
    const body = await readFile(path);
    const shouldCompress = compressible.has(extension) && body.length > minimumCompressedSize;
    files.set(urlPath, {
      body,
      gzip: shouldCompress ? await readOr(present, `${path}.gz`, () => gzipSync(body, { level: 9 })) : null,
      brotli: shouldCompress ? await readOr(present, `${path}.br`, () => brotliCompressSync(body, fastBrotli)) : null,
      contentType: contentTypes[extension] ?? 'application/octet-stream',
      isImmutable: urlPath.startsWith('/assets/'),
    });
  }
  return files;
}

/** Files smaller than this gain nothing from compression. */
export const minimumCompressedSize = 512;

const fastBrotli = { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } };

async function readOr(present: Set<string>, path: string, make: () => Buffer): Promise<Buffer> {
  return present.has(path) ? readFile(path) : make();
}

async function listFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const path = join(directory, entry.name);
      return entry.isDirectory() ? listFiles(path) : Promise.resolve([path]);
    }),
  );
  return nested.flat();
}

export function pickEncoding(file: StaticFile, acceptEncoding: string): { body: Buffer; encoding: string | null } {
  if (file.brotli !== null && /\bbr\b/.test(acceptEncoding)) return { body: file.brotli, encoding: 'br' };
  if (file.gzip !== null && /\bgzip\b/.test(acceptEncoding)) return { body: file.gzip, encoding: 'gzip' };
  return { body: file.body, encoding: null };
}
