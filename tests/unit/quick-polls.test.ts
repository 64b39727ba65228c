import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pollDraftSchema, type PollDraftInput } from '../../src-shared/contract/poll-draft';
import { pollTemplateIds, pollTemplates } from '../../src-shared/contract/poll-templates';
import type { Poll } from '../../src-shared/contract/polls';
import { call, valueOf } from '../../scripts/fixtures/kiosk';
import { manualClock, openSetUpKiosk, unlock } from '../support/staff';
import { makeTempDir } from '../support/temp-dir';

const draft = (changes: Partial<PollDraftInput> = {}): PollDraftInput => ({
  kind: 'single',
  question: { fi: 'Mikä aamu sopii vauvahierontaan?', en: 'Which morning suits baby massage?' },
  options: [{ label: { fi: 'Maanantai', en: 'Monday' } }, { label: { fi: 'Keskiviikko', en: 'Wednesday' } }],
  comment: false,
  start: { type: 'now' },
  end: { type: 'none' },
  ...changes,
});

const problemsOf = (input: unknown) => {
  const parsed = pollDraftSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

const options = (count: number) => Array.from({ length: count }, (_, index) => ({ label: { fi: `Vaihtoehto ${index + 1}` } }));

describe('a quick poll draft', () => {
  it.each([
    ['an empty question', draft({ question: { fi: '   ' } }), 'question.fi: problem.finnishMissing'],
    ['no Finnish', draft({ question: { en: 'Only English' } }), 'question.fi: problem.finnishMissing'],
    ['an option without Finnish', draft({ options: [{ label: { fi: 'A' } }, { label: { sv: 'B' } }] }), 'options.1.label.fi: problem.finnishMissing'],
    ['one option', draft({ options: options(1) }), 'options: problem.tooFewOptions'],
    ['thirteen options', draft({ options: options(13) }), 'options: problem.tooManyOptions'],
    [
      'the same option twice',
      draft({ options: [{ label: { fi: 'Aamu' } }, { label: { fi: ' aamu ' } }] }),
      'options.1.label.fi: problem.duplicateOption',
    ],
    ['a question that is too long', draft({ question: { fi: 'k'.repeat(201) } }), 'question.fi: problem.tooLong'],
    ['an option that is too long', draft({ options: [{ label: { fi: 'A' } }, { label: { fi: 'o'.repeat(81) } }] }), 'options.1.label.fi: problem.tooLong'],
    [
      'an end before the start',
      draft({ start: { type: 'at', at: '2026-12-01T10:00:00+02:00' }, end: { type: 'at', at: '2026-12-01T09:00:00+02:00' } }),
      'end: problem.endBeforeStart',
    ],
    ['options on a face poll', draft({ kind: 'smiley' }), 'options: problem.optionsNotUsed'],
    ['zero hours', draft({ end: { type: 'after', hours: 0 } }), 'end.hours: problem.hoursOutOfRange'],
  ])('with %s is refused next to the field', (_name, input, expected) => {
    expect(problemsOf(input)).toContain(expected);
  });

  it('is accepted when right, for every kind and every template', () => {
    expect(problemsOf(draft())).toEqual([]);
    for (const kind of ['smiley', 'scale', 'yesno', 'text', 'child-faces', 'child-thumbs', 'child-weather'] as const) {
      expect(problemsOf(draft({ kind, options: [] }))).toEqual([]);
    }
    for (const id of pollTemplateIds) expect(problemsOf(pollTemplates[id]), id).toEqual([]);
    for (const template of Object.values(pollTemplates)) {
      expect(Object.keys(template.question)).toEqual(expect.arrayContaining(['en', 'fi', 'sv']));
    }
  });
});

describe('quick polls on the kiosk', () => {
  it('are refused whole when a rule breaks: nothing is saved', async () => {
    const dataDir = await makeTempDir();
    const kiosk = await openSetUpKiosk(dataDir);
    const token = await unlock(kiosk);
    const before = await readFile(join(dataDir, 'polls.json'), 'utf8');
    const refused = await call(kiosk, 'polls.save', { pollId: null, draft: draft({ options: options(1) }) }, token);
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'draft.options', message: 'problem.tooFewOptions' }] } });
    const past = await call(kiosk, 'polls.save', { pollId: null, draft: draft({ end: { type: 'at', at: '2020-01-01T10:00:00Z' } }) }, token);
    expect(past).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'draft.end', message: 'problem.endInPast' }] } });
    expect(await readFile(join(dataDir, 'polls.json'), 'utf8')).toBe(before);
    await kiosk.close();
  });

  it('go from draft to active to closed; parents see them only while active', async () => {
    const kiosk = await openSetUpKiosk(await makeTempDir());
    const token = await unlock(kiosk);
    const { poll } = valueOf(await call(kiosk, 'polls.save', { pollId: null, draft: draft() }, token)) as { poll: Poll };
    expect(poll).toMatchObject({ version: 1, state: 'draft', standing: false, options: [{ id: 'option-1' }, { id: 'option-2' }] });
    expect(poll.id).toMatch(/^poll-\d{8}-[a-z0-9]{4}$/);
    const activeIds = async () => (valueOf(await call(kiosk, 'polls.active', {})) as { polls: Poll[] }).polls.map((known) => known.id);
    expect(await activeIds()).toEqual(['council-feedback', 'children-playing']);
    valueOf(await call(kiosk, 'polls.setState', { pollId: poll.id, state: 'active' }, token));
    expect(await activeIds()).toEqual(['council-feedback', 'children-playing', poll.id]);
    valueOf(await call(kiosk, 'polls.setState', { pollId: poll.id, state: 'paused' }, token));
    expect(await activeIds()).toEqual(['council-feedback', 'children-playing']);
    valueOf(await call(kiosk, 'polls.setState', { pollId: poll.id, state: 'closed' }, token));
    expect(await call(kiosk, 'polls.setState', { pollId: poll.id, state: 'active' }, token)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await call(kiosk, 'polls.save', { pollId: poll.id, draft: draft() }, token)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await call(kiosk, 'polls.setState', { pollId: 'council-feedback', state: 'closed' }, token)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    await kiosk.close();
  });

  it('are edited in place until answered; after that an edit is a new version with the same option ids', async () => {
    const kiosk = await openSetUpKiosk(await makeTempDir());
    const token = await unlock(kiosk);
    const { poll } = valueOf(await call(kiosk, 'polls.save', { pollId: null, draft: draft() }, token)) as { poll: Poll };
    const edited = valueOf(await call(kiosk, 'polls.save', { pollId: poll.id, draft: draft({ comment: true }) }, token));
    expect(edited).toMatchObject({ isNewVersion: false, poll: { version: 1, followUp: { comment: true } } });
    valueOf(await call(kiosk, 'polls.setState', { pollId: poll.id, state: 'active' }, token));
    valueOf(await call(kiosk, 'responses.submit', { pollId: poll.id, pollVersion: 1, answer: { optionIds: ['option-2'] }, language: 'en' }));

    const withThird = draft({ options: [...poll.options.map((option) => ({ id: option.id, label: option.label })), { label: { fi: 'Perjantai' } }] });
    const next = valueOf(await call(kiosk, 'polls.save', { pollId: poll.id, draft: withThird }, token)) as { poll: Poll; isNewVersion: boolean };
    expect(next).toMatchObject({ isNewVersion: true, poll: { version: 2, state: 'active' } });
    expect(next.poll.options.map((option) => option.id)).toEqual(['option-1', 'option-2', 'option-3']);
    expect(await call(kiosk, 'responses.submit', { pollId: poll.id, pollVersion: 1, answer: { optionIds: ['option-1'] }, language: 'fi' })).toMatchObject({
      ok: false,
      error: { code: 'not_active' },
    });
    valueOf(await call(kiosk, 'responses.submit', { pollId: poll.id, pollVersion: 2, answer: { optionIds: ['option-2'] }, language: 'fi' }));
    expect(await call(kiosk, 'polls.save', { pollId: poll.id, draft: draft({ kind: 'multi' }) }, token)).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    const results = valueOf(await call(kiosk, 'results.poll', { pollId: poll.id, from: null, to: null }, token));
    expect(results).toMatchObject({ total: 2, options: [{ id: 'option-1', count: 0 }, { id: 'option-2', count: 2, share: 1 }, { id: 'option-3' }] });
    await kiosk.close();
  });

  it('start and end on their schedule', async () => {
    const time = manualClock('2026-11-30T06:00:00.000Z');
    const kiosk = await openSetUpKiosk(await makeTempDir(), { clock: time.clock });
    const token = await unlock(kiosk);
    const later = draft({ start: { type: 'at', at: '2026-11-30T08:00:00.000Z' }, end: { type: 'after', hours: 3 } });
    const { poll } = valueOf(await call(kiosk, 'polls.save', { pollId: null, draft: later }, token)) as { poll: Poll };
    expect(poll).toMatchObject({ startsAt: '2026-11-30T08:00:00.000Z', endsAt: '2026-11-30T11:00:00.000Z' });
    valueOf(await call(kiosk, 'polls.setState', { pollId: poll.id, state: 'active' }, token));
    const isShown = async () => (valueOf(await call(kiosk, 'polls.active', {})) as { polls: Poll[] }).polls.some((known) => known.id === poll.id);
    expect(await isShown()).toBe(false);
    time.advance(2 * 3_600_000);
    expect(await isShown()).toBe(true);
    time.advance(3 * 3_600_000);
    expect(await isShown()).toBe(false);
    await kiosk.close();
  });
});

describe('live results', () => {
  it('count per option, by day and by hour, list comments with personal data flagged, and filter by date', async () => {
    const time = manualClock('2026-11-28T07:30:00.000Z');
    const kiosk = await openSetUpKiosk(await makeTempDir(), { clock: time.clock });
    const token = await unlock(kiosk);
    const { poll } = valueOf(await call(kiosk, 'polls.save', { pollId: null, draft: draft({ kind: 'multi', comment: true }) }, token)) as { poll: Poll };
    valueOf(await call(kiosk, 'polls.setState', { pollId: poll.id, state: 'active' }, token));
    const answer = async (optionIds: string[], comment?: string) => {
      const { responseId } = valueOf(await call(kiosk, 'responses.submit', { pollId: poll.id, pollVersion: 1, answer: { optionIds }, language: 'fi' })) as {
        responseId: string;
      };
      if (comment !== undefined) valueOf(await call(kiosk, 'responses.followUp', { responseId, topics: [], comment }));
      time.advance(60_000);
    };
    await answer(['option-1', 'option-2'], 'Soita minulle 040 123 4567');
    await answer(['option-2']);
    time.advance(24 * 3_600_000);
    await answer(['option-2'], 'Aamut ovat parhaita');
    // A day has passed: the first session ended long ago.
    const again = await unlock(kiosk);
    const all = valueOf(await call(kiosk, 'results.poll', { pollId: poll.id, from: null, to: null }, again)) as Record<string, unknown>;
    expect(all).toMatchObject({
      total: 3,
      options: [
        { id: 'option-1', count: 1, share: 1 / 3 },
        { id: 'option-2', count: 3, share: 1 },
      ],
      byDay: [
        { date: expect.any(String), count: 2 },
        { date: expect.any(String), count: 1 },
      ],
      comments: [
        { text: 'Aamut ovat parhaita', personalData: [] },
        { text: 'Soita minulle 040 123 4567', personalData: ['phone'] },
      ],
      unexported: 3,
      lastExportAt: null,
    });
    const hours = all.byHour as number[];
    expect(hours.reduce((sum, count) => sum + count, 0)).toBe(3);
    const lastDay = (all.byDay as { date: string }[])[1]?.date ?? '';
    const filtered = valueOf(await call(kiosk, 'results.poll', { pollId: poll.id, from: lastDay, to: lastDay }, again));
    expect(filtered).toMatchObject({ total: 1, byDay: [{ date: lastDay, count: 1 }], options: [{ count: 0 }, { count: 1 }] });
    expect(await call(kiosk, 'results.poll', { pollId: 'no-such-poll', from: null, to: null }, again)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    await kiosk.close();
  });
});
