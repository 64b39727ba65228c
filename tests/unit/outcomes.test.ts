import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../src-shared/contract/outcomes';
import { call, openTestKiosk, valueOf } from '../../scripts/fixtures/kiosk';
import { manualClock, openSetUpKiosk, testPinCost, unlock } from '../support/staff';
import { makeTempDir } from '../support/temp-dir';

const day = 86_400_000;
const draft = { text: { fi: 'Lisäsimme kahvinurkkaan tuoleja.', sv: 'Vi ställde fler stolar i kaffehörnan.' }, startsOn: '2026-11-30', endsOn: '2026-12-02' };

describe('"you said, we did" outcomes', () => {
  it('show from their first day through their last by the kiosk’s clock, and stay saved when the kiosk restarts', async () => {
    const dataDir = await makeTempDir();
    const time = manualClock('2026-11-29T12:00:00.000Z');
    const kiosk = await openSetUpKiosk(dataDir, { clock: time.clock });
    const token = await unlock(kiosk);
    const saved = valueOf(await call(kiosk, 'outcomes.save', { id: null, draft }, token)) as { outcome: Outcome };
    const current = async () => (valueOf(await call(kiosk, 'outcomes.current', {})) as { outcomes: unknown[] }).outcomes;
    expect(await current()).toEqual([]);
    time.advance(day);
    expect(await current()).toEqual([{ id: saved.outcome.id, text: draft.text }]);
    time.advance(2 * day);
    expect(await current()).toHaveLength(1);
    time.advance(day);
    expect(await current()).toEqual([]);
    await kiosk.close();

    const reopened = await openTestKiosk(dataDir, { clock: time.clock, pinCost: testPinCost });
    const again = await unlock(reopened);
    const list = valueOf(await call(reopened, 'outcomes.list', {}, again)) as { outcomes: Outcome[]; today: string };
    expect(list.today).toBe('2026-12-03');
    expect(list.outcomes).toEqual([saved.outcome]);
    valueOf(await call(reopened, 'outcomes.remove', { id: saved.outcome.id }, again));
    expect((valueOf(await call(reopened, 'outcomes.list', {}, again)) as { outcomes: Outcome[] }).outcomes).toEqual([]);
    await reopened.close();
  });

  it.each([
    ['no Finnish text', { ...draft, text: { sv: 'Bara svenska' } }],
    ['an empty Finnish text', { ...draft, text: { fi: '   ' } }],
    ['a last day before the first', { ...draft, endsOn: '2026-11-01' }],
    ['a text over 160 characters', { ...draft, text: { fi: 'x'.repeat(161) } }],
    ['a date that is no date', { ...draft, startsOn: '30.11.2026' }],
  ])('refuses %s and saves nothing', async (_label, bad) => {
    const kiosk = await openSetUpKiosk(await makeTempDir());
    const token = await unlock(kiosk);
    const result = await call(kiosk, 'outcomes.save', { id: null, draft: bad }, token);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((valueOf(await call(kiosk, 'outcomes.list', {}, token)) as { outcomes: Outcome[] }).outcomes).toEqual([]);
    await kiosk.close();
  });

  it('the council report is a staff method and follows the kiosk’s main language', async () => {
    const kiosk = await openSetUpKiosk(await makeTempDir());
    expect(await call(kiosk, 'reports.council', { from: '2026-11-01', to: '2026-11-30' })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const token = await unlock(kiosk);
    const value = valueOf(await call(kiosk, 'reports.council', { from: '2026-11-01', to: '2026-11-30' }, token)) as { html: string; report: { previousFrom: string } };
    expect(value.report.previousFrom).toBe('2026-10-02');
    expect(value.html).toContain('<h1>Asiakasraadin raportti</h1>');
    expect(await call(kiosk, 'reports.council', { from: '2026-11-30', to: '2026-11-01' }, token)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    // A kiosk starting in a language the report has no texts for gets the report in Finnish, marked as Finnish.
    valueOf(await call(kiosk, 'settings.update', { siteName: 'Piha', languages: ['ar', 'fi'], defaultLanguage: 'ar', idleSeconds: 60, thanksSeconds: 5 }, token));
    const arabic = valueOf(await call(kiosk, 'reports.council', { from: '2026-11-01', to: '2026-11-30' }, token)) as { html: string };
    expect(arabic.html).toMatch(/<html lang="fi" dir="ltr">/);
    expect(arabic.html).toContain('<h1>Asiakasraadin raportti</h1>');
    await kiosk.close();
  });
});
