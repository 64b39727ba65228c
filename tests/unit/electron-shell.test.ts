import { join } from 'node:path';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import { methodNames } from '../../src-shared/contract/methods';
import { resolveAppFile } from '../../src-main/electron/app-files';
import { applyKioskSwitches } from '../../src-main/electron/chromium-switches';
import { channelPrefix, registerMethods } from '../../src-main/electron/ipc';
import { isAllowedNavigation, isTrustedSender, kioskWindowOptions, shouldBlockInput } from '../../src-main/electron/security';
import { openTestKiosk, standingAnswer } from '../../scripts/fixtures/kiosk';
import { makeTempDir } from '../support/temp-dir';

describe('kiosk window options', () => {
  it('isolates and sandboxes the page in production and in development', () => {
    for (const isDevelopment of [false, true]) {
      const preferences = kioskWindowOptions('/app/preload.cjs', isDevelopment).webPreferences;
      expect(preferences).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        preload: '/app/preload.cjs',
      });
    }
  });

  it('is a full-screen kiosk without developer tools in production', () => {
    const options = kioskWindowOptions('/app/preload.cjs', false);
    expect(options).toMatchObject({ kiosk: true, fullscreen: true, autoHideMenuBar: true, show: false });
    expect(options.webPreferences?.devTools).toBe(false);
  });
});

describe('Chromium switches', () => {
  it('turns off the deferral that holds an answer\'s reply back a frame after the tap', () => {
    const appended: string[] = [];
    applyKioskSwitches({ appendSwitch: (name, value) => appended.push(`--${name}=${value ?? ''}`) });
    expect(appended).toEqual(['--disable-features=DeferRendererTasksAfterInput']);
  });
});

describe('navigation and senders', () => {
  it.each([
    ['kerro://app/index.html', true],
    ['kerro://app/assets/index.js', true],
    ['kerro://evil/index.html', false],
    ['https://example.com/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s allowed: %s', (url, expected) => {
    expect(isAllowedNavigation(url)).toBe(expected);
  });

  it('trusts only our own top frame', () => {
    expect(isTrustedSender({ url: 'kerro://app/index.html', isTopFrame: true })).toBe(true);
    expect(isTrustedSender({ url: 'kerro://app/index.html', isTopFrame: false })).toBe(false);
    expect(isTrustedSender({ url: 'https://example.com/', isTopFrame: true })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});

describe('shortcut filter', () => {
  const key = (key: string, modifiers: Partial<Record<'control' | 'meta' | 'alt' | 'shift', boolean>> = {}) => ({
    type: 'keyDown' as const,
    key,
    control: false,
    meta: false,
    alt: false,
    shift: false,
    ...modifiers,
  });

  it.each([
    key('F4', { alt: true }),
    key('w', { control: true }),
    key('R', { control: true }),
    key('q', { control: true }),
    key('p', { control: true }),
    key('n', { control: true }),
    key('t', { control: true }),
    key('F5'),
    key('F11'),
    key('F12'),
    key('I', { control: true, shift: true }),
    key('J', { control: true, shift: true }),
    key('+', { control: true }),
    key('-', { control: true }),
    key('0', { control: true }),
    key('ArrowLeft', { alt: true }),
  ])('blocks %o', (input) => {
    expect(shouldBlockInput(input)).toBe(true);
  });

  it.each([key('a'), key('Enter'), key('Tab'), key('ä'), key(' '), { ...key('F4', { alt: true }), type: 'keyUp' as const }])(
    'lets %o through',
    (input) => {
      expect(shouldBlockInput(input)).toBe(false);
    },
  );
});

describe('app files', () => {
  const root = '/opt/kerro/renderer';
  it.each([
    ['kerro://app/index.html', join(root, 'index.html')],
    ['kerro://app/', join(root, 'index.html')],
    ['kerro://app/assets/index-1.js', join(root, 'assets', 'index-1.js')],
    ['kerro://app/../../assets/x.js', join(root, 'assets', 'x.js')],
  ])('maps %s inside the screens folder', (url, expected) => {
    expect(resolveAppFile(root, url)).toBe(expected);
  });

  it.each(['kerro://app/%2e%2e/%2e%2e/etc/passwd', 'kerro://app/..%2f..%2fetc/passwd', 'kerro://other/index.html', 'https://app/index.html', 'kerro://app/a%00.js'])(
    'refuses %s',
    (url) => {
      expect(resolveAppFile(root, url)).toBeNull();
    },
  );
});

describe('IPC registration', () => {
  type Listener = (event: IpcMainInvokeEvent, input: unknown) => unknown;

  async function registered() {
    const kiosk = await openTestKiosk(await makeTempDir());
    const handlers = new Map<string, Listener>();
    const ipcMain = { handle: (channel: string, listener: Listener) => handlers.set(channel, listener) };
    registerMethods(ipcMain as unknown as IpcMain, kiosk);
    return { kiosk, handlers };
  }

  const eventFrom = (url: string, parent: object | null = null) =>
    ({ senderFrame: { url, parent } }) as unknown as IpcMainInvokeEvent;

  it('registers one channel per contract method and nothing else', async () => {
    const { kiosk, handlers } = await registered();
    expect([...handlers.keys()]).toEqual(methodNames.map((name) => `${channelPrefix}${name}`));
    await kiosk.close();
  });

  it('serves our top frame through the same validation as HTTP, and refuses others', async () => {
    const { kiosk, handlers } = await registered();
    const submit = handlers.get('kerro:responses.submit');
    expect(submit).toBeDefined();
    if (submit === undefined) return;
    expect(await submit(eventFrom('kerro://app/index.html'), standingAnswer())).toMatchObject({ ok: true, value: { seq: 1 } });
    expect(await submit(eventFrom('kerro://app/index.html'), { ...standingAnswer(), language: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await submit(eventFrom('https://evil.example/'), standingAnswer())).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await submit(eventFrom('kerro://app/index.html', {}), standingAnswer())).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(kiosk.health().answersStored).toBe(1);
    await kiosk.close();
  });
});
