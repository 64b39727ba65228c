import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Kiosk } from '../../src-main/core/kiosk';
import { configuredTargets } from '../../src-main/core/stick/targets';
import { shiftDay } from '../../src-shared/i18n/days';
import { translate } from '../../src-shared/i18n/messages';
import { call, standingAnswer, valueOf } from '../../scripts/fixtures/kiosk';
import { faultyFileSystem, type Fault } from '../support/faulty-file-system';
import { openSetUpKiosk, testPin, unlock } from '../support/staff';
import { makeTempDir } from '../support/temp-dir';

interface Setup {
  kiosk: Kiosk;
  token: string;
  stick: string;
  pollId: string;
  outcomeId: string;
  today: string;
}

/** A set-up kiosk with a poll, an outcome and answers, its data disk breakable on demand; the stick stays healthy. */
async function setUp(fault: Fault): Promise<Setup> {
  const stick = join(await makeTempDir(), 'KINGSTON');
  await mkdir(stick);
  const kiosk = await openSetUpKiosk(await makeTempDir(), {
    fileSystem: faultyFileSystem(fault),
    exportTargets: configuredTargets({ KERRO_EXPORT_DIRS: `folder=${stick}` }),
  });
  const token = await unlock(kiosk);
  const saved = valueOf(await call(kiosk, 'polls.save', { pollId: null, draft: pollDraft('Mitä toivot?') }, token)) as { poll: { id: string } };
  const { today } = valueOf(await call(kiosk, 'outcomes.list', {}, token)) as { today: string };
  const outcome = valueOf(await call(kiosk, 'outcomes.save', { id: null, draft: outcomeDraft('Lisää tuoleja', today) }, token)) as { outcome: { id: string } };
  for (let index = 0; index < 3; index += 1) valueOf(await call(kiosk, 'responses.submit', standingAnswer()));
  return { kiosk, token, stick, pollId: saved.poll.id, outcomeId: outcome.outcome.id, today };
}

const pollDraft = (question: string) => ({ kind: 'text', question: { fi: question }, options: [], start: { type: 'now' }, end: { type: 'none' }, comment: false });
const outcomeDraft = (text: string, today: string) => ({ text: { fi: text }, startsOn: today, endsOn: shiftDay(today, 7) });

/** Each write path the staff area has, with what it reads back to show that nothing changed. */
const writes: { path: string; method: string; input: (setup: Setup) => unknown; readBack: (setup: Setup) => Promise<unknown> }[] = [
  {
    path: 'PIN change',
    method: 'staff.changePin',
    input: () => ({ currentPin: testPin, newPin: '13572468' }),
    readBack: async ({ kiosk }) => (await call(kiosk, 'staff.unlock', { pin: testPin })).ok,
  },
  {
    path: 'settings',
    method: 'settings.update',
    input: () => ({ siteName: 'Uusi nimi', languages: ['fi', 'sv', 'en'], defaultLanguage: 'fi', idleSeconds: 90, thanksSeconds: 5 }),
    readBack: async ({ kiosk, token }) => {
      const { now, ...settings } = valueOf(await call(kiosk, 'settings.get', {}, token)) as { now: string };
      return now === '' ? null : settings;
    },
  },
  {
    path: 'a new poll',
    method: 'polls.save',
    input: () => ({ pollId: null, draft: pollDraft('Tuletko huomenna?') }),
    readBack: async ({ kiosk, token }) => (valueOf(await call(kiosk, 'staff.overview', {}, token)) as { polls: unknown }).polls,
  },
  {
    path: 'a poll opened',
    method: 'polls.setState',
    input: ({ pollId }) => ({ pollId, state: 'active' }),
    readBack: async ({ kiosk, token }) => (valueOf(await call(kiosk, 'staff.overview', {}, token)) as { polls: unknown }).polls,
  },
  {
    path: 'a new outcome',
    method: 'outcomes.save',
    input: ({ today }) => ({ id: null, draft: outcomeDraft('Ovet auki klo 18 asti', today) }),
    readBack: async ({ kiosk, token }) => valueOf(await call(kiosk, 'outcomes.list', {}, token)),
  },
  {
    path: 'an outcome removed',
    method: 'outcomes.remove',
    input: ({ outcomeId }) => ({ id: outcomeId }),
    readBack: async ({ kiosk, token }) => valueOf(await call(kiosk, 'outcomes.list', {}, token)),
  },
  {
    path: 'an export (sealing on the kiosk’s disk)',
    method: 'exports.run',
    input: ({ stick }) => ({ targetId: stick }),
    readBack: async ({ kiosk, token, stick }) => ({ batches: valueOf(await call(kiosk, 'exports.batches', {}, token)), onStick: await readdir(stick) }),
  },
];

describe('a full or read-only data disk in every staff write path', () => {
  const cases = (['ENOSPC', 'EROFS'] as const).flatMap((code) => writes.map((write) => ({ code, ...write })));
  it.each(cases)('$code, $path: storage_failed in the kiosk’s language, nothing changed, and it works once the disk does', async ({ code, method, input, readBack }) => {
    const fault: Fault = { code: null, on: 'write' };
    const setup = await setUp(fault);
    const before = await readBack(setup);
    fault.code = code;
    const refused = await call(setup.kiosk, method, input(setup), setup.token);
    expect(refused).toEqual({ ok: false, error: { code: 'storage_failed', message: translate('fi', 'storage.failed') } });
    fault.code = null;
    expect(await readBack(setup)).toEqual(before);
    valueOf(await call(setup.kiosk, method, input(setup), setup.token));
    await setup.kiosk.close();
  });
});
