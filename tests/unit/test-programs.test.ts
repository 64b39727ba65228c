import { spawnSync } from 'node:child_process';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium } from '../../scripts/programs.mjs';
import { makeTempDir } from '../support/temp-dir';

const scripts = join(import.meta.dirname, '..', '..', 'scripts');
const isRoot = process.getuid?.() === 0;

function runScript(name: string, environment: NodeJS.ProcessEnv, nodeArguments: string[] = []) {
  const result = spawnSync(process.execPath, [...nodeArguments, join(scripts, name)], { env: environment, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A runnable file: a Node script with this Node as its interpreter, so no shell is needed. */
async function writeProgram(path: string, body: string): Promise<void> {
  await writeFile(path, `#!${process.execPath}\n${body}\n`);
  await chmod(path, 0o755);
}

/** Stand-ins for the kiosk session test's and the full-disk test's programs, so a test can leave out only Chromium. */
async function sessionPrograms(folder: string, names = ['Xvfb', 'xdotool', 'unshare', 'mount']): Promise<void> {
  for (const name of names) await writeProgram(join(folder, name), '');
}

describe('the test command’s program step', () => {
  it('takes KERRO_CHROMIUM first, and refuses one that is not there rather than falling back', async () => {
    const folder = await makeTempDir();
    const browser = join(folder, 'my-chromium');
    await writeProgram(browser, '');
    expect(findChromium({ KERRO_CHROMIUM: browser, PATH: '' })).toBe(browser);
    expect(findChromium({ KERRO_CHROMIUM: join(folder, 'gone'), PATH: '' })).toBeNull();
    const onPath = join(folder, 'chromium');
    await writeProgram(onPath, '');
    expect(findChromium({ PATH: folder })).toMatch(/chromium/);
  });

  it('says nothing and goes on when Chromium, Xvfb and xdotool are there', async () => {
    const folder = await makeTempDir();
    const browser = join(folder, 'chromium');
    await writeProgram(browser, '');
    await sessionPrograms(folder);
    expect(runScript('test-programs.mjs', { KERRO_CHROMIUM: browser, PATH: folder })).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('stops at once with one line naming the command to run where it cannot install Chromium (no apt-get)', async () => {
    const folder = await makeTempDir();
    await sessionPrograms(folder);
    const result = runScript('test-programs.mjs', { KERRO_CHROMIUM: '/nowhere/chromium', PATH: folder });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringContaining('apt-get install chromium')]);
  });

  it('names each missing program in one line of its own', async () => {
    const browser = join(await makeTempDir(), 'chromium');
    await writeProgram(browser, '');
    const result = runScript('test-programs.mjs', { KERRO_CHROMIUM: browser, PATH: '' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringContaining('apt-get install xvfb'),
      expect.stringContaining('apt-get install xdotool'),
      expect.stringContaining('apt-get install util-linux'),
      expect.stringContaining('apt-get install mount'),
    ]);
  });

  it('as root with apt-get, installs Debian’s chromium itself and says so in one line; as another user, stops', async () => {
    const folder = await makeTempDir();
    await sessionPrograms(folder);
    const browser = join(folder, 'chromium-from-apt');
    const calls = join(folder, 'apt-get-calls');
    // apt-get's stand-in writes down what it was asked and, on install, puts the browser in place.
    await writeProgram(
      join(folder, 'apt-get'),
      `const fs = require('node:fs'); const args = process.argv.slice(2);
fs.appendFileSync(${JSON.stringify(calls)}, args.join(' ') + '\\n');
if (args[0] === 'install') { fs.writeFileSync(${JSON.stringify(browser)}, ''); fs.chmodSync(${JSON.stringify(browser)}, 0o755); }`,
    );
    const result = runScript('test-programs.mjs', { KERRO_CHROMIUM: browser, PATH: folder });
    if (isRoot) {
      expect(result).toEqual({ status: 0, stdout: "Chromium is missing: installing Debian's `chromium` with apt-get.\n", stderr: '' });
      expect((await readFile(calls, 'utf8')).trim().split('\n')).toEqual(['update -qq', 'install -y -qq chromium']);
    } else {
      expect(result.status).toBe(1);
      expect(result.stderr.trim().split('\n')).toEqual([expect.stringContaining('apt-get install chromium')]);
    }
  });

  it('as root with apt-get, installs all that is missing in one apt-get call, one line for each', async () => {
    const folder = await makeTempDir();
    await sessionPrograms(folder, ['unshare', 'mount']);
    const browser = join(folder, 'chromium-from-apt');
    const calls = join(folder, 'apt-get-calls');
    // The stand-in installs each package it is asked for as a program of the same folder.
    await writeProgram(
      join(folder, 'apt-get'),
      `const fs = require('node:fs'); const args = process.argv.slice(2);
fs.appendFileSync(${JSON.stringify(calls)}, args.join(' ') + '\\n');
const made = { chromium: ${JSON.stringify(browser)}, xvfb: ${JSON.stringify(join(folder, 'Xvfb'))}, xdotool: ${JSON.stringify(join(folder, 'xdotool'))} };
if (args[0] === 'install') for (const name of args.slice(3)) { fs.writeFileSync(made[name], ''); fs.chmodSync(made[name], 0o755); }`,
    );
    const result = runScript('test-programs.mjs', { KERRO_CHROMIUM: browser, PATH: folder });
    if (!isRoot) {
      expect(result.status).toBe(1);
      return;
    }
    expect(result.stdout.trim().split('\n')).toEqual([
      "Chromium is missing: installing Debian's `chromium` with apt-get.",
      "Xvfb is missing: installing Debian's `xvfb` with apt-get.",
      "xdotool is missing: installing Debian's `xdotool` with apt-get.",
    ]);
    expect(result.status).toBe(0);
    expect((await readFile(calls, 'utf8')).trim().split('\n')).toEqual(['update -qq', 'install -y -qq chromium xvfb xdotool']);
  });

  it('refuses a Node older than 24 with one clear line, before anything else runs', () => {
    const asNode20 = 'data:text/javascript,Object.defineProperty(process,"version",{value:"v20.20.2"});Object.defineProperty(process,"versions",{value:{...process.versions,node:"20.20.2"}});';
    const old = runScript('check-node.mjs', {}, ['--import', asNode20]);
    expect(old.status).toBe(1);
    expect(old.stderr.trim().split('\n')).toEqual(['Kerro needs Node 24 or newer, and this is Node v20.20.2: run `. scripts/node-24.sh` first (it brings Node 24 from the npm registry).']);
    expect(runScript('check-node.mjs', {})).toEqual({ status: 0, stdout: '', stderr: '' });
  });
});
