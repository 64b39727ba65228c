import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import type { Kiosk } from '../../src-main/core/kiosk';
import { createKerroServer } from '../../src-main/server/server';
import { loadStaticFiles } from '../../src-main/server/static-files';

/** The real browser shell on a free loopback port, serving a small stand-in screens folder. */
export async function startTestServer(kiosk: Kiosk, rendererDir: string): Promise<{ server: Server; origin: string; port: number }> {
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), `<!doctype html><title>Kerro</title>${'<p>kiosk</p>'.repeat(100)}`);
  await writeFile(join(rendererDir, 'assets', 'index-abc123.js'), `console.log(${JSON.stringify('x'.repeat(2000))});`);
  // A build's precompressed sibling, with a marker the test can recognise once decompressed.
  const prebuilt = `console.log(${JSON.stringify('prebuilt '.repeat(200))});`;
  await writeFile(join(rendererDir, 'assets', 'pre-1.js'), prebuilt);
  await writeFile(join(rendererDir, 'assets', 'pre-1.js.br'), brotliCompressSync(Buffer.from(`/*precompressed*/${prebuilt}`)));
  const server = createKerroServer({ kiosk, files: await loadStaticFiles(rendererDir) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${port}`, port };
}
