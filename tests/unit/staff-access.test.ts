import { join } from 'node:path';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methodNames, methods } from '../../src-shared/contract/methods';
import { registerMethods } from '../../src-main/electron/ipc';
import type { Kiosk } from '../../src-main/core/kiosk';
import { sessionIdleMs } from '../../src-main/core/staff/staff-auth';
import { startTestServer } from '../support/http-server';
import { call } from '../../scripts/fixtures/kiosk';
import { manualClock, openSetUpKiosk, unlock } from '../support/staff';
import { makeTempDir, snapshotFolder } from '../support/temp-dir';

const staffMethods = methodNames.filter((name) => methods[name].staff);

/** A plausible input for each staff method, so a refusal can only come from the missing session. */
const plausibleInputs: Record<string, unknown> = {
  'staff.changePin': { currentPin: '246810', newPin: '13572468' },
  'polls.save': {
    pollId: null,
    draft: { kind: 'yesno', question: { fi: 'Kysymys?' }, options: [], comment: false, start: { type: 'now' }, end: { type: 'none' } },
  },
  'polls.setState': { pollId: 'council-feedback', state: 'closed' },
  'results.poll': { pollId: 'council-feedback', from: null, to: null },
  'settings.update': { siteName: 'Toinen', languages: ['fi'], defaultLanguage: 'fi', idleSeconds: 60, thanksSeconds: 5 },
};

const inputFor = (method: string) => plausibleInputs[method] ?? {};

const time = manualClock();
let kiosk: Kiosk;
let dataDir: string;
let origin: string;
let close: () => Promise<void>;

beforeAll(async () => {
  dataDir = await makeTempDir();
  kiosk = await openSetUpKiosk(dataDir, { clock: time.clock });
  const started = await startTestServer(kiosk, join(await makeTempDir(), 'renderer'));
  origin = started.origin;
  close = async () => {
    started.server.close();
    await kiosk.close();
  };
});

afterAll(() => close());

async function post(method: string, input: unknown, token?: string): Promise<{ status: number; body: { ok: boolean; error?: { code: string } } }> {
  const response = await fetch(`${origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-kerro-client': '1', ...(token === undefined ? {} : { 'x-kerro-staff-token': token }) },
    body: JSON.stringify(input),
  });
  return { status: response.status, body: (await response.json()) as { ok: boolean; error?: { code: string } } };
}

describe('every staff method', () => {
  it('is marked in the contract: everything but reading kiosk state, answering and unlocking needs staff', () => {
    const open = methodNames.filter((name) => !methods[name].staff);
    expect(open.sort()).toEqual(
      ['kiosk.health', 'kiosk.info', 'outcomes.current', 'polls.active', 'responses.followUp', 'responses.submit', 'staff.setup', 'staff.status', 'staff.unlock'].sort(),
    );
    expect(staffMethods).toEqual(expect.arrayContaining(['staff.lock', 'staff.changePin', 'polls.save', 'results.poll', 'settings.update', 'outcomes.save', 'outcomes.remove', 'reports.council']));
  });

  it.each(staffMethods)('%s is refused over HTTP without a session, with a made-up one and with an expired one; nothing changes', async (method) => {
    const before = await snapshotFolder(dataDir);
    const expired = await unlock(kiosk);
    time.advance(sessionIdleMs + 1);
    for (const token of [undefined, '', 'made-up-token', 'x'.repeat(500), expired]) {
      const { status, body } = await post(method, inputFor(method), token);
      expect(status, `${method} with ${String(token)}`).toBe(401);
      expect(body).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
    expect(await snapshotFolder(dataDir)).toEqual(before);
  });

  it.each(staffMethods)('%s is refused through dispatch without a session, before its input is looked at', async (method) => {
    for (const input of [inputFor(method), { junk: true }, null]) {
      expect(await call(kiosk, method, input)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
  });

  it.each(staffMethods)('%s is served with an open session (and checks its input then)', async (method) => {
    const token = await unlock(kiosk);
    const result = await post(method, { junk: true }, token);
    expect(result.body).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (method === 'staff.lock' || method === 'staff.changePin') return;
    const served = await post(method, inputFor(method), token);
    expect(served.body, method).not.toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });
});

describe('staff calls over IPC', () => {
  type Listener = (event: IpcMainInvokeEvent, input: unknown, token?: unknown) => Promise<unknown>;
  const fromKiosk = { senderFrame: { url: 'kerro://app/index.html', parent: null } } as unknown as IpcMainInvokeEvent;

  it('carry the token the page holds, and are refused without it', async () => {
    const listeners = new Map<string, Listener>();
    registerMethods({ handle: (channel: string, listener: Listener) => listeners.set(channel, listener) } as unknown as IpcMain, kiosk);
    const overview = listeners.get('kerro:staff.overview');
    const unlockChannel = listeners.get('kerro:staff.unlock');
    if (overview === undefined || unlockChannel === undefined) throw new Error('channels missing');
    expect(await overview(fromKiosk, {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await overview(fromKiosk, {}, { token: 'not a string' })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const session = (await unlockChannel(fromKiosk, { pin: '246810' })) as { value: { token: string } };
    expect(await overview(fromKiosk, {}, session.value.token)).toMatchObject({ ok: true });
  });
});
