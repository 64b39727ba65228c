import type { PowerSaveBlocker } from 'electron';
import { describe, expect, it } from 'vitest';
import { defaultOpeningHours, isOpenAt, openingHoursSchema, type OpeningHours } from '../../src-shared/contract/opening-hours';
import { WakeLock } from '../../src-main/electron/wake-lock';
import { call, valueOf } from '../../scripts/fixtures/kiosk';
import { openSetUpKiosk, unlock } from '../support/staff';
import { makeTempDir } from '../support/temp-dir';

/** Local wall-clock times; 2026-11-30 is a Monday. */
const at = (day: number, hour: number, minute = 0) => new Date(2026, 10, day, hour, minute);

describe('opening hours', () => {
  it.each([
    [at(30, 7, 59), false, 'Monday before opening'],
    [at(30, 8, 0), true, 'Monday at opening'],
    [at(30, 15, 59), true, 'Monday just before closing'],
    [at(30, 16, 0), false, 'Monday at closing'],
    [at(29, 12, 0), false, 'Sunday noon'],
    [at(28, 12, 0), false, 'Saturday noon'],
    [at(27, 12, 0), true, 'Friday noon'],
  ])('%s → %s (%s)', (date, expected) => {
    expect(isOpenAt(defaultOpeningHours, date)).toBe(expected);
  });

  it('refuses hours that close before they open, or repeat a day', () => {
    expect(openingHoursSchema.safeParse({ days: [1], opensAt: 600, closesAt: 540 }).success).toBe(false);
    expect(openingHoursSchema.safeParse({ days: [1, 1], opensAt: 540, closesAt: 600 }).success).toBe(false);
    expect(openingHoursSchema.safeParse({ days: [8], opensAt: 540, closesAt: 600 }).success).toBe(false);
  });
});

describe('the wake lock', () => {
  function fakeBlocker() {
    const started = new Set<number>();
    let next = 1;
    const blocker: Pick<PowerSaveBlocker, 'start' | 'stop' | 'isStarted'> = {
      start: () => {
        started.add(next);
        return next++;
      },
      stop: (id) => {
        started.delete(id);
        return true;
      },
      isStarted: (id) => started.has(id),
    };
    return { blocker, started };
  }

  it('keeps the screen awake in opening hours only, following changed hours', async () => {
    let now = at(30, 7, 0);
    let hours: OpeningHours | null = defaultOpeningHours;
    const { blocker, started } = fakeBlocker();
    const lock = new WakeLock(blocker, async () => hours, () => now);
    expect(await lock.check()).toBe(false);
    expect(started.size).toBe(0);
    now = at(30, 9, 0);
    expect(await lock.check()).toBe(true);
    expect(await lock.check()).toBe(true);
    expect(started.size).toBe(1);
    hours = { days: [1], opensAt: 10 * 60, closesAt: 12 * 60 };
    expect(await lock.check()).toBe(false);
    expect(started.size).toBe(0);
    hours = null;
    now = at(30, 11, 0);
    expect(await lock.check()).toBe(false);
  });

  it('reads the hours staff saved, through the kiosk', async () => {
    const kiosk = await openSetUpKiosk(await makeTempDir());
    const info = valueOf(await call(kiosk, 'kiosk.info', {})) as { openingHours: OpeningHours };
    expect(info.openingHours).toEqual(defaultOpeningHours);
    const token = await unlock(kiosk);
    const current = valueOf(await call(kiosk, 'settings.get', {}, token)) as Record<string, unknown>;
    const { siteName, languages, defaultLanguage, idleSeconds, thanksSeconds } = current;
    const weekend = { days: [6, 7], opensAt: 10 * 60, closesAt: 14 * 60 };
    valueOf(await call(kiosk, 'settings.update', { siteName, languages, defaultLanguage, idleSeconds, thanksSeconds, openingHours: weekend }, token));
    expect((valueOf(await call(kiosk, 'kiosk.info', {})) as { openingHours: OpeningHours }).openingHours).toEqual(weekend);
    const refused = await call(kiosk, 'settings.update', { siteName, languages, defaultLanguage, idleSeconds, thanksSeconds, openingHours: { ...weekend, closesAt: 9 * 60 } }, token);
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await kiosk.close();
  });
});
