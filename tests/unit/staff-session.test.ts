import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call, openTestKiosk, valueOf } from '../../scripts/fixtures/kiosk';
import { manualClock, openSetUpKiosk, testPin, testPinCost, unlock } from '../support/staff';
import { makeTempDir } from '../support/temp-dir';

const draft = { screen: 'poll-editor', pollId: null, answers: 0, payload: JSON.stringify({ question: { fi: 'Mikä aamu sopii?' } }) } as const;

describe('the staff session under a finger', () => {
  it('is kept open by keep-alives alone, and ends after the idle time without one', async () => {
    const time = manualClock();
    const kiosk = await openSetUpKiosk(await makeTempDir(), { clock: time.clock, staffIdleMs: 30_000 });
    const token = await unlock(kiosk);
    // Typing for far longer than the session's idle time, a keep-alive every 20 s, no other call.
    for (let step = 0; step < 10; step += 1) {
      time.advance(20_000);
      expect(valueOf(await call(kiosk, 'staff.keepAlive', {}, token))).toEqual({ idleSeconds: 30 });
    }
    expect((await call(kiosk, 'staff.overview', {}, token)).ok).toBe(true);
    time.advance(30_001);
    expect(await call(kiosk, 'staff.keepAlive', {}, token)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    await kiosk.close();
  });

  it('says how long it lasts, as the kiosk was told', async () => {
    const kiosk = await openTestKiosk(await makeTempDir(), { pinCost: testPinCost, staffIdleMs: 45_000 });
    valueOf(await call(kiosk, 'staff.setup', { siteName: 'Piha', pin: testPin, languages: ['fi'] }));
    expect(valueOf(await call(kiosk, 'staff.unlock', { pin: testPin }))).toMatchObject({ idleSeconds: 45 });
    await kiosk.close();
  });

  it('keeps the form being edited as a draft behind the PIN, handed back once after unlocking again', async () => {
    const time = manualClock();
    const kiosk = await openSetUpKiosk(await makeTempDir(), { clock: time.clock });
    const token = await unlock(kiosk);
    valueOf(await call(kiosk, 'staff.keepAlive', { draft }, token));
    time.advance(10 * 60_000);
    // Without a session nobody gets the draft, nor can replace it.
    expect(await call(kiosk, 'staff.takeDraft', {}, token)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await call(kiosk, 'staff.takeDraft', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await call(kiosk, 'staff.keepAlive', { draft: null })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const again = await unlock(kiosk);
    expect(valueOf(await call(kiosk, 'staff.takeDraft', {}, again))).toEqual({ draft });
    expect(valueOf(await call(kiosk, 'staff.takeDraft', {}, again))).toEqual({ draft: null });
    await kiosk.close();
  });

  it('clears the draft when the form is saved or given up, and refuses a malformed one', async () => {
    const kiosk = await openSetUpKiosk(await makeTempDir());
    const token = await unlock(kiosk);
    valueOf(await call(kiosk, 'staff.keepAlive', { draft }, token));
    valueOf(await call(kiosk, 'staff.keepAlive', {}, token));
    valueOf(await call(kiosk, 'staff.keepAlive', { draft: null }, token));
    expect(valueOf(await call(kiosk, 'staff.takeDraft', {}, token))).toEqual({ draft: null });
    const tooLong = { ...draft, payload: 'x'.repeat(64_001) };
    expect(await call(kiosk, 'staff.keepAlive', { draft: tooLong }, token)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call(kiosk, 'staff.keepAlive', { draft: { ...draft, screen: 'elsewhere' } }, token)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    await kiosk.close();
  });

  it('keeps the draft on disk, so a restart mid-edit loses nothing; handed back once, the file holds none', async () => {
    const dataDir = await makeTempDir();
    const settingsDraft = { screen: 'settings', pollId: null, answers: 0, payload: JSON.stringify({ thanksSeconds: 9 }) } as const;
    const first = await openSetUpKiosk(dataDir);
    // No draft yet: no file either, so a kiosk whose data folder is read-only opens as before.
    await expect(stat(join(dataDir, 'staff-draft.json'))).rejects.toMatchObject({ code: 'ENOENT' });
    valueOf(await call(first, 'staff.keepAlive', { draft }, await unlock(first)));
    const token = await unlock(first);
    valueOf(await call(first, 'staff.keepAlive', { draft: settingsDraft }, token));
    await first.close();

    const second = await openTestKiosk(dataDir, { pinCost: testPinCost });
    // The session did not survive the restart; the draft did, and only staff get it.
    expect(await call(second, 'staff.takeDraft', {}, token)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const again = await unlock(second);
    expect(valueOf(await call(second, 'staff.takeDraft', {}, again))).toEqual({ draft: settingsDraft });
    expect(JSON.parse(await readFile(join(dataDir, 'staff-draft.json'), 'utf8'))).toMatchObject({ data: { draft: null } });
    await second.close();
    const third = await openTestKiosk(dataDir, { pinCost: testPinCost });
    expect(valueOf(await call(third, 'staff.takeDraft', {}, await unlock(third)))).toEqual({ draft: null });
    await third.close();
  });
});
