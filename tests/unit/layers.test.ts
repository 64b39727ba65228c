import { execFile } from 'node:child_process';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

const projectRoot = join(import.meta.dirname, '..', '..');
const run = promisify(execFile);

/**
 * Wrong imports and globals planted in each layer's own folder. The lint must refuse every one,
 * and `tsc -b` every one that crosses a layer: another layer's project, a global or module the
 * layer's project has no types for (Node in src-shared), the Electron package in the core.
 * Imports between rooms of one layer (parents and staff, the command line and the core's inner
 * rooms) are the lint's alone.
 */
const plantings = [
  { folder: 'src-shared/contract', compiler: true, source: "import { readFileSync } from 'node:fs';\nexport const planted = readFileSync;\n" },
  { folder: 'src-shared/export', compiler: true, source: "import { openKiosk } from '../../src-main/core/kiosk';\nexport const planted = openKiosk;\n" },
  { folder: 'src-shared/qr', compiler: true, source: 'export const planted = Buffer.from([1]);\n' },
  { folder: 'src-shared/i18n', compiler: true, source: 'export const planted = () => window.location.href;\n' },
  { folder: 'src-renderer/parents', compiler: false, source: "import { StaffArea } from '../staff/StaffArea';\nexport const planted = StaffArea;\n" },
  { folder: 'src-renderer/staff', compiler: true, source: "import { ReceiverApp } from '../receiver/ReceiverApp';\nexport const planted = ReceiverApp;\n" },
  { folder: 'src-renderer/receiver', compiler: true, source: "import { client } from '../api/transport';\nexport const planted = client;\n" },
  { folder: 'src-renderer/app', compiler: true, source: "import { openKiosk } from '../../src-main/core/kiosk';\nexport const planted = openKiosk;\n" },
  { folder: 'src-main/core', compiler: true, source: "import { app } from 'electron';\nexport const planted = app;\n" },
  { folder: 'src-main/core/stick', compiler: true, source: "import { runCli } from '../../cli/run-cli';\nexport const planted = runCli;\n" },
  { folder: 'src-main/server', compiler: true, source: "import { createKioskWindow } from '../electron/kiosk-window';\nexport const planted = createKioskWindow;\n" },
  { folder: 'src-main/electron', compiler: true, source: "import { createKerroServer } from '../server/server';\nexport const planted = createKerroServer;\n" },
  { folder: 'src-main/cli', compiler: true, source: "import { createKerroServer } from '../server/server';\nexport const planted = createKerroServer;\n" },
  { folder: 'src-main/cli/commands', compiler: false, source: "import { BatchBook } from '../../core/batches/batch-book';\nexport const planted = BatchBook;\n" },
  { folder: 'scripts/bench', compiler: true, source: "import { startKerro } from '../../tests/support/browser-shell';\nexport const planted = startKerro;\n" },
] as const;

// Scripts are TypeScript modules run by Node (.mts); the other layers are plain .ts.
const plantedFile = (folder: string) => join(folder, folder.startsWith('scripts') ? 'planted-wrong-layer.mts' : 'planted-wrong-layer.ts');
const plantedPaths = plantings.map(({ folder }) => join(projectRoot, plantedFile(folder)));
const removePlantings = () => Promise.all(plantedPaths.map((path) => rm(path, { force: true })));

const layerRules = new Set(['no-restricted-imports', 'no-restricted-globals']);

/**
 * The lint with the project's own config, but only its two layer rules: they need no type
 * information, so no TypeScript program is built for the lint.
 */
function layerLint(): ESLint {
  return new ESLint({
    cwd: projectRoot,
    overrideConfig: { files: ['**/*.ts', '**/*.tsx', '**/*.mts'], languageOptions: { parserOptions: { projectService: false } } },
    ruleFilter: ({ ruleId }) => layerRules.has(ruleId),
  });
}
/** What `tsc -b` says over every project: its output, empty when it compiled. */
async function buildAllProjects(): Promise<string> {
  const compiler = join(projectRoot, 'node_modules', '.bin', 'tsc');
  return run(compiler, ['-b', 'tsconfig.json'], { cwd: projectRoot, maxBuffer: 16 * 1024 * 1024 }).then(
    () => '',
    (error: { stdout?: string }) => error.stdout ?? 'tsc failed without output',
  );
}

afterAll(removePlantings);

describe('layers', () => {
  it('the lint and the compiler refuse a wrong-layer import or global planted in every layer', { timeout: 300_000 }, async () => {
    try {
      await Promise.all(plantings.map(({ source }, index) => writeFile(plantedPaths[index] ?? '', source)));
      // One lint and one build of every project, side by side: the build runs in its own process.
      const [results, compilerOutput] = await Promise.all([layerLint().lintFiles(plantedPaths), buildAllProjects()]);
      const refusals = new Map(
        results.map((result) => [
          relative(projectRoot, result.filePath),
          result.messages.filter((message) => layerRules.has(message.ruleId ?? '')).length,
        ]),
      );
      const compilerErrors = compilerOutput.split('\n').filter((line) => / error TS\d+:/.test(line));
      for (const { folder, compiler } of plantings) {
        const file = plantedFile(folder);
        expect(refusals.get(file), `lint in ${folder}`).toBeGreaterThan(0);
        if (compiler) expect(compilerErrors.filter((line) => line.startsWith(`${file}(`)), `tsc -b in ${folder}`).not.toEqual([]);
      }
    } finally {
      await removePlantings();
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
