import { describe, expect, it } from 'vitest';
import { toJSONSchema } from 'zod';
import { methodNames, methods } from '../../src-shared/contract/methods';
import { call, openTestKiosk, standingAnswer, valueOf } from '../../scripts/fixtures/kiosk';
import { makeTempDir, snapshotFolder } from '../support/temp-dir';

/** Inputs no method accepts: wrong types, extra keys, hostile shapes. */
const malformedInputs: unknown[] = [
  null,
  undefined,
  42,
  'text',
  [],
  [{}],
  { unexpected: true },
  { __proto__: { polluted: true }, extra: 1 },
  { pollId: 'council-feedback', pollVersion: '1', answer: { optionIds: ['good'] }, language: 'fi' },
  { pollId: 'COUNCIL', pollVersion: 1, answer: { optionIds: ['good'] }, language: 'fi' },
  { pollId: 'council-feedback', pollVersion: 1, answer: { optionIds: [] }, language: 'fi' },
  { pollId: 'council-feedback', pollVersion: 1, answer: { optionIds: ['good'], text: 'x' }, language: 'fi' },
  { pollId: 'council-feedback', pollVersion: 1, answer: { optionIds: ['good'] }, language: 'de' },
  { pollId: 'council-feedback', pollVersion: 1, answer: { optionIds: ['good'] }, language: 'fi', seq: 7 },
  { responseId: 'not-a-uuid', topics: [] },
  { responseId: '3b241101-e2bb-4255-8caf-4136c566a962', topics: ['x'.repeat(500)] },
];

describe('the contract', () => {
  it('names every method domain.action and publishes its schemas', () => {
    expect(methodNames.length).toBeGreaterThanOrEqual(5);
    for (const name of methodNames) {
      expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
      const definition = methods[name];
      expect(toJSONSchema(definition.input, { io: 'input', unrepresentable: 'any' })).toHaveProperty('type', 'object');
      expect(toJSONSchema(definition.output, { io: 'output', unrepresentable: 'any' })).toHaveProperty('type', 'object');
    }
  });

  it.each(methodNames)('%s refuses malformed input with a typed error and stores nothing', async (method) => {
    const dataDir = await makeTempDir();
    const kiosk = await openTestKiosk(dataDir);
    const before = await snapshotFolder(dataDir);
    const isEmptyInput = Object.keys(methods[method].input.shape).length === 0;
    for (const input of malformedInputs) {
      // An empty object is the one valid input of the methods that take none.
      if (isEmptyInput && JSON.stringify(input) === '{}') continue;
      const result = await call(kiosk, method, input);
      expect(result.ok, `${method} accepted ${JSON.stringify(input)}`).toBe(false);
      // Without a staff session a staff method is refused before its input is even looked at.
      const expected = methods[method].staff ? ['unauthorized'] : ['invalid_input', 'not_found'];
      if (!result.ok) expect(expected).toContain(result.error.code);
    }
    expect(kiosk.health().answersStored).toBe(0);
    expect(await snapshotFolder(dataDir)).toEqual(before);
    await kiosk.close();
  });

  it('answers an unknown method with its own error code', async () => {
    const kiosk = await openTestKiosk(await makeTempDir());
    const result = await call(kiosk, 'responses.delete', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await call(kiosk, 'constructor', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    await kiosk.close();
  });

  it('lists each failing field with its path', async () => {
    const kiosk = await openTestKiosk(await makeTempDir());
    const result = await call(kiosk, 'responses.submit', { ...standingAnswer(), language: 'de', pollVersion: 0 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.issues?.map((issue) => issue.path).sort()).toEqual(['language', 'pollVersion']);
    await kiosk.close();
  });

  it('refuses answers that fit the schema but not the poll, and stores nothing', async () => {
    const kiosk = await openTestKiosk(await makeTempDir());
    const wrong = [
      { ...standingAnswer(), answer: { optionIds: ['excellent'] } },
      { ...standingAnswer(), answer: { optionIds: ['good', 'bad'] } },
      { ...standingAnswer(), answer: { optionIds: ['good', 'good'] } },
      { ...standingAnswer(), answer: { text: 'hello' } },
      { ...standingAnswer(), pollVersion: 2 },
      { ...standingAnswer(), pollId: 'no-such-poll' },
    ];
    for (const input of wrong) {
      const result = await call(kiosk, 'responses.submit', input);
      expect(result.ok, JSON.stringify(input)).toBe(false);
    }
    expect(kiosk.health().answersStored).toBe(0);
    await kiosk.close();
  });

  it('records an answer and attaches the follow-up topics to it', async () => {
    const kiosk = await openTestKiosk(await makeTempDir());
    const stored = valueOf(await call(kiosk, 'responses.submit', standingAnswer('very-good', 'sv')));
    expect(stored).toMatchObject({ seq: 1 });
    const followed = await call(kiosk, 'responses.followUp', { responseId: (stored as { responseId: string }).responseId, topics: ['staff', 'hours'] });
    expect(followed.ok).toBe(true);
    const unknownTopic = await call(kiosk, 'responses.followUp', { responseId: (stored as { responseId: string }).responseId, topics: ['weather'] });
    expect(unknownTopic).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const missing = await call(kiosk, 'responses.followUp', { responseId: '3b241101-e2bb-4255-8caf-4136c566a962', topics: [] });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(kiosk.health()).toMatchObject({ answersStored: 1, unexported: 1 });
    await kiosk.close();
  });
});
