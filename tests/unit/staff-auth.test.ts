import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockoutMs, sessionIdleMs } from '../../src-main/core/staff/staff-auth';
import { call, openTestKiosk, valueOf } from '../../scripts/fixtures/kiosk';
import { manualClock, openSetUpKiosk, testPin, testPinCost, unlock } from '../support/staff';
import { faultyFileSystem, type Fault } from '../support/faulty-file-system';
import { makeTempDir } from '../support/temp-dir';

const storedSettings = async (dataDir: string) =>
  JSON.parse(await readFile(join(dataDir, 'kiosk.json'), 'utf8')) as { schemaVersion: number; data: Record<string, unknown> };

describe('the staff PIN', () => {
  it('is stored as a salted scrypt hash at full cost, never as itself', async () => {
    const first = await makeTempDir();
    const second = await makeTempDir();
    for (const dataDir of [first, second]) {
      const kiosk = await openTestKiosk(dataDir);
      valueOf(await call(kiosk, 'staff.setup', { siteName: 'Piha', pin: testPin, languages: ['fi'] }));
      await kiosk.close();
    }
    const [one, two] = await Promise.all([storedSettings(first), storedSettings(second)]);
    const text = JSON.stringify(one);
    expect(text).not.toContain(testPin);
    expect(one.data.staffPin).toMatchObject({ scheme: 'scrypt', cost: 2 ** 15, blockSize: 8, parallelization: 1 });
    const pinOf = (stored: typeof one) => stored.data.staffPin as { salt: string; hash: string };
    expect(Buffer.from(pinOf(one).salt, 'base64')).toHaveLength(16);
    expect(pinOf(one).salt).not.toBe(pinOf(two).salt);
    expect(pinOf(one).hash).not.toBe(pinOf(two).hash);

    const reopened = await openTestKiosk(first);
    expect(valueOf(await call(reopened, 'kiosk.info', {}))).toMatchObject({ isSetUp: true, siteName: 'Piha', languages: ['fi'] });
    expect(await call(reopened, 'staff.unlock', { pin: testPin })).toMatchObject({ ok: true, value: { idleSeconds: 120 } });
    expect(await call(reopened, 'staff.unlock', { pin: '135791' })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    await reopened.close();
  });

  it('is set once: set-up is refused on a kiosk that has a PIN, and a short PIN is refused', async () => {
    const kiosk = await openTestKiosk(await makeTempDir(), { pinCost: testPinCost });
    expect(valueOf(await call(kiosk, 'kiosk.info', {}))).toMatchObject({ isSetUp: false });
    expect(await call(kiosk, 'staff.setup', { siteName: 'Piha', pin: '12345', languages: ['fi'] })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'pin', message: 'problem.pinFormat' }] },
    });
    expect(await call(kiosk, 'staff.unlock', { pin: testPin })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    valueOf(await call(kiosk, 'staff.setup', { siteName: 'Piha', pin: testPin, languages: ['sv', 'fi'] }));
    expect(await call(kiosk, 'staff.setup', { siteName: 'Other', pin: '999999', languages: ['fi'] })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(valueOf(await call(kiosk, 'kiosk.info', {}))).toMatchObject({ siteName: 'Piha', languages: ['sv', 'fi'] });
    await kiosk.close();
  });

  it('can be changed with the current PIN; other sessions end', async () => {
    const kiosk = await openSetUpKiosk(await makeTempDir());
    const mine = await unlock(kiosk);
    const other = await unlock(kiosk);
    expect(await call(kiosk, 'staff.changePin', { currentPin: '000000', newPin: '11223344' }, mine)).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    valueOf(await call(kiosk, 'staff.changePin', { currentPin: testPin, newPin: '11223344' }, mine));
    expect((await call(kiosk, 'staff.overview', {}, mine)).ok).toBe(true);
    expect(await call(kiosk, 'staff.overview', {}, other)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect((await call(kiosk, 'staff.unlock', { pin: testPin })).ok).toBe(false);
    expect((await call(kiosk, 'staff.unlock', { pin: '11223344' })).ok).toBe(true);
    await kiosk.close();
  });
});

describe('wrong PINs', () => {
  it('pause unlocking after five, for one minute, then two, then four', async () => {
    expect([1, 2, 3, 4, 7, 20].map(lockoutMs)).toEqual([60_000, 120_000, 240_000, 480_000, 3_600_000, 3_600_000]);
    const time = manualClock();
    const kiosk = await openSetUpKiosk(await makeTempDir(), { clock: time.clock });
    for (const [round, pause] of [60_000, 120_000].entries()) {
      for (let tries = 4; tries >= 1; tries -= 1) {
        const wrong = await call(kiosk, 'staff.unlock', { pin: '000000' });
        expect(wrong, `round ${round}`).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
        expect(valueOf(await call(kiosk, 'staff.status', {}))).toMatchObject({ triesLeft: tries, lockedUntil: null });
      }
      expect(await call(kiosk, 'staff.unlock', { pin: '000000' })).toMatchObject({ ok: false, error: { code: 'locked_out' } });
      expect(await call(kiosk, 'staff.unlock', { pin: testPin })).toMatchObject({ ok: false, error: { code: 'locked_out' } });
      expect(valueOf(await call(kiosk, 'staff.status', {}))).toMatchObject({
        lockedUntil: new Date(time.clock().getTime() + pause).toISOString(),
      });
      time.advance(pause - 1000);
      expect(await call(kiosk, 'staff.unlock', { pin: testPin })).toMatchObject({ ok: false, error: { code: 'locked_out' } });
      time.advance(1001);
    }
    expect((await call(kiosk, 'staff.unlock', { pin: testPin })).ok).toBe(true);
    expect(valueOf(await call(kiosk, 'staff.status', {}))).toMatchObject({ triesLeft: 5, lockedUntil: null });
    await kiosk.close();
  });

  it('counts wrong PINs and locks out even when the disk is full', async () => {
    const fault: Fault = { code: null, on: 'write' };
    const kiosk = await openSetUpKiosk(await makeTempDir(), { fileSystem: faultyFileSystem(fault) });
    fault.code = 'ENOSPC';
    for (let tries = 4; tries >= 1; tries -= 1) {
      expect(await call(kiosk, 'staff.unlock', { pin: '000000' })).toMatchObject({ ok: false, error: { code: 'storage_failed' } });
      expect(valueOf(await call(kiosk, 'staff.status', {}))).toMatchObject({ triesLeft: tries });
    }
    expect(await call(kiosk, 'staff.unlock', { pin: '000000' })).toMatchObject({ ok: false, error: { code: 'storage_failed' } });
    expect(await call(kiosk, 'staff.unlock', { pin: testPin })).toMatchObject({ ok: false, error: { code: 'locked_out' } });
    fault.code = null;
    await kiosk.close();
  });

  it('are counted on disk: a restart neither forgets the tries nor ends the pause', async () => {
    const dataDir = await makeTempDir();
    const time = manualClock();
    const first = await openSetUpKiosk(dataDir, { clock: time.clock });
    for (let tries = 0; tries < 3; tries += 1) await call(first, 'staff.unlock', { pin: '000000' });
    await first.close();
    const second = await openTestKiosk(dataDir, { clock: time.clock, pinCost: testPinCost });
    expect(valueOf(await call(second, 'staff.status', {}))).toMatchObject({ triesLeft: 2 });
    await call(second, 'staff.unlock', { pin: '000000' });
    expect(await call(second, 'staff.unlock', { pin: '000000' })).toMatchObject({ ok: false, error: { code: 'locked_out' } });
    await second.close();
    const third = await openTestKiosk(dataDir, { clock: time.clock, pinCost: testPinCost });
    expect(await call(third, 'staff.unlock', { pin: testPin })).toMatchObject({ ok: false, error: { code: 'locked_out' } });
    await third.close();
  });

  it('sent all at once are still counted one by one', async () => {
    const kiosk = await openSetUpKiosk(await makeTempDir());
    const results = await Promise.all(Array.from({ length: 12 }, () => call(kiosk, 'staff.unlock', { pin: '000000' })));
    const codes = results.map((result) => (result.ok ? 'ok' : result.error.code));
    expect(codes.filter((code) => code === 'unauthorized')).toHaveLength(4);
    expect(codes.filter((code) => code === 'locked_out')).toHaveLength(8);
    await kiosk.close();
  });
});

describe('staff sessions', () => {
  it('stay open while used and end after two minutes without a call', async () => {
    const time = manualClock();
    const kiosk = await openSetUpKiosk(await makeTempDir(), { clock: time.clock });
    const token = await unlock(kiosk);
    for (let step = 0; step < 5; step += 1) {
      time.advance(sessionIdleMs - 1000);
      expect((await call(kiosk, 'staff.overview', {}, token)).ok).toBe(true);
    }
    time.advance(sessionIdleMs + 1);
    expect(await call(kiosk, 'staff.overview', {}, token)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    time.advance(1000);
    expect(await call(kiosk, 'staff.overview', {}, token)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    await kiosk.close();
  });

  it('end at once with "lock now", and with a restart', async () => {
    const dataDir = await makeTempDir();
    const kiosk = await openSetUpKiosk(dataDir);
    const token = await unlock(kiosk);
    const other = await unlock(kiosk);
    valueOf(await call(kiosk, 'staff.lock', {}, token));
    expect(await call(kiosk, 'staff.overview', {}, token)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect((await call(kiosk, 'staff.overview', {}, other)).ok).toBe(true);
    await kiosk.close();
    const reopened = await openTestKiosk(dataDir);
    expect(await call(reopened, 'staff.overview', {}, other)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    await reopened.close();
  });
});

describe('a kiosk from before staff PINs existed', () => {
  it('keeps its id, name and languages, and asks for set-up once', async () => {
    const dataDir = await makeTempDir();
    const old = {
      schemaVersion: 1,
      data: {
        kioskId: 'K-AB12-CD34',
        createdAt: '2026-10-01T08:00:00.000Z',
        siteName: 'Perheiden piha',
        languages: ['fi', 'sv'],
        defaultLanguage: 'fi',
        idleSeconds: 45,
        thanksSeconds: 6,
      },
    };
    await writeFile(join(dataDir, 'kiosk.json'), JSON.stringify(old, null, 2));
    const kiosk = await openTestKiosk(dataDir, { pinCost: testPinCost });
    expect(valueOf(await call(kiosk, 'kiosk.info', {}))).toMatchObject({
      kioskId: 'K-AB12-CD34',
      siteName: 'Perheiden piha',
      languages: ['fi', 'sv'],
      idleSeconds: 45,
      isSetUp: false,
    });
    expect(kiosk.health().storage.recoveries).toMatchObject([{ file: 'kiosk.json', action: expect.stringContaining('migrated') }]);
    valueOf(await call(kiosk, 'staff.setup', { siteName: 'Perheiden piha', pin: testPin, languages: ['fi', 'sv'] }));
    await kiosk.close();
    const stored = await storedSettings(dataDir);
    expect(stored).toMatchObject({ schemaVersion: 3, data: { kioskId: 'K-AB12-CD34', idleSeconds: 45, pinGuard: { failures: 0 }, retentionDays: 90 } });
    expect(await readdir(join(dataDir, 'backups'))).toEqual([expect.stringMatching(/-v1-kiosk\.json$/)]);
  });
});
