import { execFile } from 'node:child_process';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

const projectRoot = join(import.meta.dirname, '..', '..');
const run = promisify(execFile);

/** One wrong import per layer, planted in the layer's own folder: the lint must refuse each. */
const plantings = [
  { folder: 'src-shared/contract', source: "import { readFileSync } from 'node:fs';\nexport const planted = readFileSync;\n" },
  { folder: 'src-shared/qr', source: 'export const planted = Buffer.from([1]);\n' },
  { folder: 'src-shared/i18n', source: 'export const planted = () => window.location.href;\n' },
  { folder: 'src-renderer/parents', source: "import { StaffArea } from '../staff/StaffArea';\nexport const planted = StaffArea;\n" },
  { folder: 'src-renderer/staff', source: "import { ReceiverApp } from '../receiver/ReceiverApp';\nexport const planted = ReceiverApp;\n" },
  { folder: 'src-renderer/receiver', source: "import { client } from '../api/transport';\nexport const planted = client;\n" },
  { folder: 'src-renderer/app', source: "import { openKiosk } from '../../src-main/core/kiosk';\nexport const planted = openKiosk;\n" },
  { folder: 'src-main/core', source: "import { app } from 'electron';\nexport const planted = app;\n" },
  { folder: 'src-main/core/stick', source: "import { runCli } from '../../cli/run-cli';\nexport const planted = runCli;\n" },
  { folder: 'src-main/server', source: "import { createKioskWindow } from '../electron/kiosk-window';\nexport const planted = createKioskWindow;\n" },
  { folder: 'src-main/electron', source: "import { createKerroServer } from '../server/server';\nexport const planted = createKerroServer;\n" },
  { folder: 'src-main/cli', source: "import { createKerroServer } from '../server/server';\nexport const planted = createKerroServer;\n" },
  { folder: 'src-main/cli/commands', source: "import { BatchBook } from '../../core/batches/batch-book';\nexport const planted = BatchBook;\n" },
  { folder: 'scripts/bench', source: "import { startKerro } from '../../tests/support/browser-shell';\nexport const planted = startKerro;\n" },
] as const;

const plantedName = 'planted-wrong-layer.ts';
// Scripts are TypeScript modules run by Node (.mts); the other layers are plain .ts.
const plantedFile = (folder: string) => (folder.startsWith('scripts') ? 'planted-wrong-layer.mts' : plantedName);
const plantedPaths = plantings.map(({ folder }) => join(projectRoot, folder, plantedFile(folder)));

afterAll(async () => {
  await Promise.all(plantedPaths.map((path) => rm(path, { force: true })));
});

describe('layers', () => {
  it('the lint refuses a wrong-layer import or global planted in every layer', { timeout: 120_000 }, async () => {
    await Promise.all(plantings.map(({ source }, index) => writeFile(plantedPaths[index] ?? '', source)));
    const results = await new ESLint({ cwd: projectRoot }).lintFiles(plantedPaths);
    const refusals = new Map(
      results.map((result) => [
        relative(projectRoot, result.filePath),
        result.messages.filter((message) => message.ruleId === 'no-restricted-imports' || message.ruleId === 'no-restricted-globals').length,
      ]),
    );
    for (const { folder } of plantings) expect(refusals.get(join(folder, plantedFile(folder))), folder).toBeGreaterThan(0);
  });

  it('the compiler refuses Node and DOM globals in src-shared, which has neither', { timeout: 120_000 }, async () => {
    const planted = join(projectRoot, 'src-shared', 'contract', plantedName);
    await writeFile(planted, 'export const planted = () => [window.location.href, document.title];\n');
    try {
      const failure = await run(join(projectRoot, 'node_modules', '.bin', 'tsc'), ['--noEmit', '-p', 'src-shared/tsconfig.json'], { cwd: projectRoot }).then(
        () => 'compiled',
        (error: { stdout?: string }) => error.stdout ?? '',
      );
      expect(failure).toContain(relative(projectRoot, planted));
    } finally {
      await rm(planted, { force: true });
    }
  });

  it('no room of the core imports a room that imports it back', async () => {
    const core = join(projectRoot, 'src-main', 'core');
    const rooms = (await readdir(core, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    const uses = new Map<string, Set<string>>();
    for (const room of rooms) {
      const used = new Set<string>();
      for (const file of await readdir(join(core, room))) {
        const text = await readFile(join(core, room, file), 'utf8');
        for (const match of text.matchAll(/from '\.\.\/([a-z-]+)\//g)) if (match[1] !== undefined && match[1] !== room) used.add(match[1]);
      }
      uses.set(room, used);
    }
    expect(rooms.length).toBeGreaterThan(5);
    const cycles: string[] = [];
    const visit = (room: string, path: readonly string[]) => {
      for (const next of uses.get(room) ?? []) {
        if (next === path[0]) cycles.push([...path, next].join(' → '));
        else if (!path.includes(next)) visit(next, [...path, next]);
      }
    };
    for (const room of rooms) visit(room, [room]);
    expect(cycles).toEqual([]);
  });
});
