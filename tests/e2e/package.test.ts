import { spawn } from 'node:child_process';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { extractFile, listPackage } from '@electron/asar';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/temp-dir';

const projectRoot = join(import.meta.dirname, '..', '..');

/**
 * electron-builder packs the app around an Electron it would download; here it packs around a
 * stand-in folder instead (`electronDist`), which proves everything of ours that goes into the
 * package: the built app, its production modules, and drivelist's native file outside the asar.
 */
async function packApp(): Promise<string> {
  const electronDist = await makeTempDir('kerro-electron-dist-');
  await writeFile(join(electronDist, 'electron'), '');
  await chmod(join(electronDist, 'electron'), 0o755);
  await mkdir(join(electronDist, 'resources'));
  const output = await makeTempDir('kerro-release-');
  const builder = join(projectRoot, 'node_modules', '.bin', 'electron-builder');
  const args = ['--config', 'electron.builder.yml', '--linux', '--dir', `-c.electronDist=${electronDist}`, `-c.directories.output=${output}`];
  const log = await new Promise<string>((resolve, reject) => {
    // Without vitest's own variables: electron-builder takes VITEST to mean it is being unit-tested and does nothing.
    const environment = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')));
    const child = spawn(builder, [...args, '--publish', 'never'], { cwd: projectRoot, env: environment });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(text) : reject(new Error(`electron-builder exited with ${String(code)}:\n${text}`))));
  });
  expect(log, log).toContain('packaging');
  return join(output, 'linux-unpacked', 'resources');
}

describe('the Electron package', () => {
  it('holds the built app and its production modules only, with drivelist\'s native file unpacked', { timeout: 240_000 }, async () => {
    const resources = await packApp();
    const archive = join(resources, 'app.asar');
    const files = listPackage(archive, { isPack: false }).map((path) => path.replaceAll('\\', '/'));
    for (const path of ['/package.json', '/out/electron/main.cjs', '/out/electron/preload.cjs', '/out/renderer/index.html', '/out/receiver/index.html', '/out/cli/main.mjs']) {
      expect(files, path).toContain(path);
    }
    const modules = new Set(files.filter((path) => path.startsWith('/node_modules/')).map((path) => path.split('/')[2]));
    for (const name of ['drivelist', 'zod', 'lowdb', 'qrcode', 'fflate']) expect(modules, name).toContain(name);
    // Bundled into the renderer or used only to build and test: none of them may weigh on the kiosk.
    for (const name of ['react', 'react-dom', 'vite', 'vitest', 'playwright-core', 'better-sqlite3', 'electron', 'electron-builder', 'typescript', '@echogarden']) {
      expect(modules, name).not.toContain(name);
    }
    // The offline voice ships as its worker chunk and its data trimmed to fi, sv and en, not the package's 24 MB.
    expect(files).toContain('/out/renderer/speech/espeak-ng-fi-sv-en.wasm');
    expect(files.filter((path) => path.endsWith('.map') || /^\/out\/renderer\/.*\.(br|gz)$/.test(path))).toEqual([]);

    const manifest = JSON.parse(extractFile(archive, 'package.json').toString('utf8')) as { main?: string };
    expect(manifest.main).toBe('out/electron/main.cjs');
    // A native module cannot be loaded from inside an asar archive; electron-builder must put it beside.
    const native = join(resources, 'app.asar.unpacked', 'node_modules', 'drivelist', 'build', 'Release', 'drivelist.node');
    expect((await stat(native)).size).toBeGreaterThan(0);
    expect((await readFile(native)).subarray(0, 4).toString('latin1')).toBe('\x7fELF');
  });
});
