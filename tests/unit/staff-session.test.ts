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
});
