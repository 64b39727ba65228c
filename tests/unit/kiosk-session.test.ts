import { describe, expect, it } from 'vitest';
import { isLeavingShortcut } from '../../src-shared/kiosk/leaving-keys';
import { browserArguments, readSessionConfig } from '../../src-main/server/kiosk-session-config';
import { restartDelay, Supervisor, type SessionLog } from '../../src-main/server/supervisor';

const display = { DISPLAY: ':0' };

describe('the kiosk session settings', () => {
  it('takes the defaults on a display', () => {
    const result = readSessionConfig({ ...display, XDG_CONFIG_HOME: '/home/kiosk/.config' });
    expect(result.ok && result.config).toMatchObject({ port: 4730, dataDir: '/home/kiosk/.config/Kerro', screenSize: null, extraBrowserFlags: [] });
  });

  it.each([
    [{}, 'needs a display: set DISPLAY'],
    [{ ...display, KERRO_PORT: '0' }, 'KERRO_PORT must be a fixed port number'],
    [{ ...display, KERRO_PORT: 'http' }, 'KERRO_PORT must be a fixed port number'],
    [{ ...display, KERRO_RESTART_DELAY_MS: '5' }, 'KERRO_RESTART_DELAY_MS must be whole milliseconds'],
    [{ ...display, KERRO_SCREEN_SIZE: 'big' }, 'KERRO_SCREEN_SIZE must be WIDTHxHEIGHT'],
  ])('refuses %o with one line naming it', (environment, message) => {
    const result = readSessionConfig(environment);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain(message);
      expect(result.message).not.toContain('\n');
    }
  });

  it('runs Chromium in kiosk mode on the fixed address with its profile beside the data', () => {
    const result = readSessionConfig({ ...display, KERRO_DATA_DIR: '/var/lib/kerro', KERRO_PORT: '4800', KERRO_SCREEN_SIZE: '1080x1920', KERRO_BROWSER_FLAGS: ' --disable-gpu  --no-sandbox ' });
    if (!result.ok) throw new Error(result.message);
    const args = browserArguments(result.config);
    expect(args.slice(0, 2)).toEqual(['--kiosk', '--app=http://127.0.0.1:4800/']);
    expect(args).toContain('--user-data-dir=/var/lib/kerro/browser-profile');
    expect(args).toContain('--window-size=1081,1921');
    expect(args.slice(-2)).toEqual(['--disable-gpu', '--no-sandbox']);
  });
});

describe('the keys a kiosk refuses', () => {
  const press = (key: string, held: Partial<Record<'control' | 'meta' | 'alt' | 'shift', boolean>> = {}) => ({ key, control: false, meta: false, alt: false, shift: false, ...held });
  it.each([press('F4', { alt: true }), press('w', { control: true }), press('L', { control: true }), press('F11'), press('I', { control: true, shift: true }), press('F5')])('refuses %o', (key) => {
    expect(isLeavingShortcut(key)).toBe(true);
  });
  it.each([press('a'), press('L', { shift: true }), press('Enter'), press('Backspace'), press('c', { control: true }), press('v', { control: true })])('lets %o through', (key) => {
    expect(isLeavingShortcut(key)).toBe(false);
  });
});

describe('the session supervisor', () => {
  it('waits twice as long after each quick death in a row, up to the limit, and again from the start once a run lasted', () => {
    const policy = { firstDelayMs: 1000, maxDelayMs: 30_000, stableAfterMs: 30_000 };
    expect([1, 2, 3, 4, 5, 6, 7].map((deaths) => restartDelay(policy, deaths))).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
  });

  it('starts a program that keeps dying again, logs each start and death, and stops it for good', async () => {
    const lines: Array<{ level: string; event: string; fields: Record<string, string | number | null> }> = [];
    let resolveThird: () => void = () => undefined;
    const thirdStart = new Promise<void>((resolve) => (resolveThird = resolve));
    const log: SessionLog = (level, event, fields) => {
      lines.push({ level, event, fields });
      if (lines.filter((line) => line.event === 'session.started').length === 3) resolveThird();
    };
    // A program that dies 20 ms after each start: the waits grow to the limit and no more.
    const program = { name: 'flaky', command: process.execPath, args: ['-e', 'setTimeout(() => process.exit(3), 20)'], environment: process.env };
    const supervisor = new Supervisor(program, { firstDelayMs: 100, maxDelayMs: 150, stableAfterMs: 60_000 }, log);
    supervisor.start();
    await thirdStart;
    await supervisor.stop();
    const deaths = lines.filter((line) => line.event === 'session.exited');
    expect(deaths.map((line) => [line.level, line.fields.program, line.fields.code, line.fields.restartInMs])).toEqual([
      ['warn', 'flaky', 3, 100],
      ['warn', 'flaky', 3, 150],
    ]);
    const count = lines.length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(lines.length).toBe(count);
  });

  it('says so when a program cannot be started at all, and keeps trying', async () => {
    const lines: string[] = [];
    let resolveSecond: () => void = () => undefined;
    const second = new Promise<void>((resolve) => (resolveSecond = resolve));
    const supervisor = new Supervisor({ name: 'missing', command: '/nonexistent/kerro-browser', args: [], environment: process.env }, { firstDelayMs: 100, maxDelayMs: 100, stableAfterMs: 60_000 }, (_level, event) => {
      lines.push(event);
      if (lines.filter((line) => line === 'session.failedToStart').length === 2) resolveSecond();
    });
    supervisor.start();
    await second;
    await supervisor.stop();
    expect(lines.slice(0, 3)).toEqual(['session.failedToStart', 'session.exited', 'session.failedToStart']);
  });
});
