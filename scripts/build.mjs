// Builds every runtime target with Vite: the screens, the browser shell, the Electron shell, the CLI.
import { chmod, copyFile, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import { espeakModuleFile, espeakScriptPatch } from './speech/espeak-voices.mjs';

const { version } = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
const define = { KERRO_VERSION: JSON.stringify(version) };
const quiet = process.argv.includes('--quiet') ? 'warn' : 'info';

await rm('out', { recursive: true, force: true });

await build({
  configFile: false,
  logLevel: quiet,
  root: 'src-renderer',
  base: './',
  plugins: [react(), espeakModuleFile()],
  // The speech worker is a module (eSpeak NG's script is one); the engine's module is trimmed to fi, sv and en.
  worker: { format: 'es', plugins: () => [espeakScriptPatch()] },
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    minify: true,
    target: 'chrome120',
    reportCompressedSize: true,
  },
});

/** The browser shell serves these as they are, so it never compresses at start-up. */
async function precompress(directory) {
  for (const entry of await readdir(directory, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.(html|js|css|svg|json|wasm|webmanifest|data)$/.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    const body = await readFile(path);
    if (body.length <= 512) continue;
    await writeFile(`${path}.gz`, gzipSync(body, { level: 9 }));
    await writeFile(`${path}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  }
}

await precompress('out/renderer');

// The QR receiver: a static page for phones, hosted anywhere or opened from a USB export folder.
// One classic script with zxing's .wasm inlined, not modules: file:// pages cannot load modules,
// and the page must reach no network at all.
await build({
  configFile: false,
  logLevel: quiet,
  root: 'src-renderer/receiver',
  base: './',
  plugins: [react()],
  // bc-ur's `assert` dependency reads NODE_DEBUG at load; a browser has no `process`.
  define: { 'process.env.NODE_ENV': JSON.stringify('production'), 'process.env.NODE_DEBUG': 'false' },
  build: {
    outDir: '../../out/receiver',
    emptyOutDir: true,
    minify: true,
    target: ['es2020', 'chrome100', 'safari15'],
    reportCompressedSize: false,
    lib: {
      entry: 'main.tsx',
      formats: ['iife'],
      name: 'KerroReceiver',
      fileName: () => 'receiver.js',
      cssFileName: 'receiver',
    },
  },
});
await copyFile('src-renderer/receiver/index.html', 'out/receiver/index.html');

/** Node-side bundles: our code inlined, packages from node_modules left as imports. */
function nodeTarget(entry, outDir, fileName, format, external = [], banner = '') {
  return build({
    configFile: false,
    logLevel: quiet,
    define,
    build: {
      ssr: entry,
      outDir,
      emptyOutDir: false,
      target: 'node20',
      minify: false,
      sourcemap: true,
      rolldownOptions: {
        external,
        output: { format, entryFileNames: fileName, banner },
      },
    },
  });
}

await nodeTarget('src-main/server/main.ts', 'out/server', 'main.mjs', 'es');
// The package's `kerro` command: its bin, so it carries a shebang and may be run directly.
await nodeTarget('src-main/cli/main.ts', 'out/cli', 'main.mjs', 'es', [], '#!/usr/bin/env node');
await chmod('out/cli/main.mjs', 0o755);
await nodeTarget('src-main/electron/main.ts', 'out/electron', 'main.cjs', 'cjs', ['electron']);
// A sandboxed preload cannot load modules, so it is one self-contained CommonJS file.
await build({
  configFile: false,
  logLevel: quiet,
  build: {
    ssr: 'src-main/electron/preload.ts',
    outDir: 'out/electron',
    emptyOutDir: false,
    target: 'node20',
    minify: false,
    rolldownOptions: { external: ['electron'], output: { format: 'cjs', entryFileNames: 'preload.cjs' } },
  },
  ssr: { noExternal: true },
});
// The browser kiosk's session: the server and Chromium in kiosk mode, each started again when it ends.
await nodeTarget('src-main/server/kiosk-session.ts', 'out/server', 'kiosk-session.mjs', 'es');
