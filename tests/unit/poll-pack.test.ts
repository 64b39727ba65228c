import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pollPackFileName, pollPackSchema, type PollPack } from '../../src-shared/contract/poll-pack';
import { OutcomeBook } from '../../src-main/core/domain/outcome-book';
import { PollBook } from '../../src-main/core/domain/poll-book';
import { silentLogger } from '../../src-main/core/logger';
import { buildPollPack, importPollPack, previewPollPack, writePollPack } from '../../src-main/core/poll-pack/poll-pack';
import { nestingDepth, readPollPack } from '../../src-main/core/poll-pack/read-pack';
import { nodeFileSystem } from '../../src-main/core/store/file-system';
import { StoreContext } from '../../src-main/core/store/store-context';
import { commentPoll } from '../../scripts/fixtures/export-kit';
import { makeTempDir, snapshotFolder } from '../support/temp-dir';

const now = new Date('2026-11-29T08:00:00.000Z');

async function openBook(dataDir: string): Promise<PollBook> {
  const context = new StoreContext(dataDir, nodeFileSystem, () => now, silentLogger);
  await context.prepare();
  return PollBook.open(context);
}

async function openOutcomes(dataDir: string): Promise<OutcomeBook> {
  const context = new StoreContext(dataDir, nodeFileSystem, () => now, silentLogger);
  await context.prepare();
  return OutcomeBook.open(context);
}

function validPack(): PollPack {
  const closed = { ...commentPoll(now), id: 'old-question', state: 'closed' as const };
  return buildPollPack([commentPoll(now), closed], { kioskId: 'K-AAAA-BBBB', site: 'Perheiden piha' }, '2026-11-29T10:00:00.000+02:00');
}

async function packFile(content: string | Uint8Array): Promise<string> {
  const path = join(await makeTempDir(), pollPackFileName);
  await writeFile(path, content);
  return path;
}

describe('poll packs', () => {
  it('a written pack reads back, previews, imports once, and a second import changes nothing', async () => {
    const stick = await makeTempDir();
    const pack = validPack();
    expect(pack.polls.map((poll) => poll.id)).toEqual(['coffee-corner']);
    await writePollPack(nodeFileSystem, stick, 'STICK', pack, false);
    const read = await readPollPack(nodeFileSystem, join(stick, pollPackFileName));
    expect(read).toEqual(pollPackSchema.parse(pack));

    const dataDir = await makeTempDir();
    const book = await openBook(dataDir);
    const outcomes = await openOutcomes(dataDir);
    expect(previewPollPack(read, book, 'fi')).toMatchObject({ canImport: true, polls: [{ id: 'coffee-corner', version: 1, action: 'add' }] });
    expect(await importPollPack(read, book, outcomes)).toEqual({ added: 1, unchanged: 0, skipped: 0, outcomesAdded: 0 });
    const reopened = await openBook(dataDir);
    expect(reopened.find('coffee-corner', 1)?.question.fi).toBe('Mitä pidät kahvinurkasta?');
    const before = await snapshotFolder(dataDir);
    expect(await importPollPack(read, reopened, outcomes)).toEqual({ added: 0, unchanged: 1, skipped: 0, outcomesAdded: 0 });
    expect(await snapshotFolder(dataDir)).toEqual(before);
  });

  it('a version this kiosk has with other content is a conflict: the whole pack is refused', async () => {
    const dataDir = await makeTempDir();
    const book = await openBook(dataDir);
    const outcomes = await openOutcomes(dataDir);
    await book.addVersions([{ ...commentPoll(now), question: { fi: 'Toinen kysymys' } }]);
    const pack = validPack();
    pack.polls.push({ ...commentPoll(now), id: 'brand-new' });
    const preview = previewPollPack(pack, book, 'sv');
    expect(preview).toMatchObject({ canImport: false, polls: [{ action: 'conflict' }, { action: 'add' }] });
    expect(preview.problem).toBe('Enkäten coffee-corner (1) finns redan i den här kiosken med samma version men annat innehåll.');
    const before = await snapshotFolder(dataDir);
    await expect(importPollPack(pack, book, outcomes)).rejects.toMatchObject({ reason: 'packConflict', code: 'conflict' });
    expect(await snapshotFolder(dataDir)).toEqual(before);
    expect(book.find('brand-new', 1)).toBeUndefined();
  });

  it('an older version than the kiosk has is skipped; a newer one is added', async () => {
    const book = await openBook(await makeTempDir());
    await book.addVersions([{ ...commentPoll(now), version: 2 }]);
    const pack = validPack();
    pack.polls.push({ ...commentPoll(now), version: 3, question: { fi: 'Uusin' } });
    expect(await importPollPack(pack, book, await openOutcomes(await makeTempDir()))).toEqual({ added: 1, unchanged: 0, skipped: 1, outcomesAdded: 0 });
    expect(book.find('coffee-corner', 1)).toBeUndefined();
    expect(book.find('coffee-corner', 3)?.question.fi).toBe('Uusin');
  });

  it('an existing pack on the stick is replaced only when asked', async () => {
    const stick = await makeTempDir();
    await writeFile(join(stick, pollPackFileName), 'toisen kioskin paketti');
    await expect(writePollPack(nodeFileSystem, stick, 'STICK', validPack(), false)).rejects.toMatchObject({ reason: 'packExists' });
    expect(await readFile(join(stick, pollPackFileName), 'utf8')).toBe('toisen kioskin paketti');
    await writePollPack(nodeFileSystem, stick, 'STICK', validPack(), true);
    expect(JSON.parse(await readFile(join(stick, pollPackFileName), 'utf8'))).toMatchObject({ format: 'kerro-polls' });
  });

  const valid = JSON.stringify(validPack());
  const packOutcome = { id: '6f0c1a52-3b7e-4c1d-9a55-0d2f4b8e9c11', text: { fi: 'Lisäsimme kahvinurkkaan tuoleja.' }, startsOn: '2026-11-30', endsOn: '2026-12-20', createdAt: '2026-11-29T08:00:00.000Z' };

  it('carries "you said, we did" outcomes still to come; an outcome already here keeps this kiosk’s text', async () => {
    const ended = { ...packOutcome, id: '0b9d2c4e-1f3a-4e5b-8c7d-6a5b4c3d2e1f', startsOn: '2026-10-01', endsOn: '2026-11-28' };
    const pack = buildPollPack([commentPoll(now)], { kioskId: 'K-AAAA-BBBB', site: 'Piha' }, '2026-11-29T10:00:00.000+02:00', [packOutcome, ended]);
    expect(pack.outcomes?.map((outcome) => outcome.id)).toEqual([packOutcome.id]);
    const stick = await makeTempDir();
    await writePollPack(nodeFileSystem, stick, 'STICK', pack, false);
    const read = await readPollPack(nodeFileSystem, join(stick, pollPackFileName));
    const dataDir = await makeTempDir();
    const outcomes = await openOutcomes(dataDir);
    await outcomes.save(null, { text: { fi: 'Oma' }, startsOn: '2026-11-29', endsOn: '2026-11-30' }, now.toISOString());
    expect(await importPollPack(read, await openBook(dataDir), outcomes)).toMatchObject({ added: 1, outcomesAdded: 1 });
    const reopened = await openOutcomes(dataDir);
    expect(reopened.all().map((outcome) => outcome.text.fi)).toEqual(['Oma', 'Lisäsimme kahvinurkkaan tuoleja.']);
    expect(await importPollPack(read, await openBook(dataDir), reopened)).toMatchObject({ added: 0, outcomesAdded: 0 });
    // A pack written before outcomes existed is read as before.
    const older: Record<string, unknown> = { ...pack };
    delete older.outcomes;
    expect(pollPackSchema.safeParse(older).success).toBe(true);
  });
  const hostile: [string, () => string | Uint8Array, string][] = [
    ['an empty file', () => '', 'packNotJson'],
    ['text that is not JSON', () => 'polls: kyllä', 'packNotJson'],
    ['a cut-off file', () => valid.slice(0, valid.length / 2), 'packNotJson'],
    ['bytes that are not UTF-8', () => Uint8Array.from([0x7b, 0xff, 0xfe, 0x7d]), 'packNotText'],
    ['a file over 1 MiB', () => `{"format":"kerro-polls","pad":"${'x'.repeat(1_100_000)}"}`, 'packTooLarge'],
    ['nesting 100,000 deep', () => `${'['.repeat(100_000)}${']'.repeat(100_000)}`, 'packTooDeep'],
    ['a __proto__ key', () => valid.replace('"format"', '"__proto__":{"polluted":true},"format"'), 'packForbiddenKey'],
    ['a constructor key inside a poll', () => valid.replace('"kind"', '"constructor":{"prototype":{}},"kind"'), 'packForbiddenKey'],
    ['another file format', () => JSON.stringify({ format: 'kerro-batch', schemaVersion: 1 }), 'packWrongFormat'],
    ['a JSON array', () => '[]', 'packWrongFormat'],
    ['a newer version of the format', () => valid.replace('"schemaVersion":1', '"schemaVersion":2'), 'packWrongVersion'],
    ['a poll without Finnish', () => valid.replace('"fi":"Mitä pidät kahvinurkasta?",', ''), 'packInvalid'],
    ['a poll with a bad id', () => valid.replace('"id":"coffee-corner"', '"id":"../../etc/passwd"'), 'packInvalid'],
    ['an unknown top-level key', () => valid.replace('"format"', '"script":"rm -rf /","format"'), 'packInvalid'],
    ['the same poll version twice', () => JSON.stringify({ ...validPack(), polls: [commentPoll(now), commentPoll(now)] }), 'packInvalid'],
    ['a choice poll with one option', () => JSON.stringify({ ...validPack(), polls: [{ ...commentPoll(now), options: [commentPoll(now).options[0]] }] }), 'packInvalid'],
    ['an outcome without Finnish', () => JSON.stringify({ ...validPack(), outcomes: [{ ...packOutcome, text: { sv: 'Bara svenska' } }] }), 'packInvalid'],
    ['an outcome that ends before it starts', () => JSON.stringify({ ...validPack(), outcomes: [{ ...packOutcome, endsOn: '2026-11-01' }] }), 'packInvalid'],
    ['the same outcome twice', () => JSON.stringify({ ...validPack(), outcomes: [packOutcome, packOutcome] }), 'packInvalid'],
    ['a thousand polls', () => JSON.stringify({ ...validPack(), polls: Array.from({ length: 1000 }, (_, index) => ({ ...commentPoll(now), version: index + 1 })) }), 'packInvalid'],
  ];

  it.each(hostile)('refuses %s with its reason and changes nothing', async (_label, content, reason) => {
    const dataDir = await makeTempDir();
    const book = await openBook(dataDir);
    const outcomes = await openOutcomes(dataDir);
    const before = await snapshotFolder(dataDir);
    const path = await packFile(content());
    const refusal = readPollPack(nodeFileSystem, path).then((pack) => importPollPack(pack, book, outcomes));
    await expect(refusal).rejects.toMatchObject({ reason });
    await expect(refusal).rejects.toHaveProperty('message', expect.stringMatching(/\S/));
    expect(await snapshotFolder(dataDir)).toEqual(before);
    expect(book.all().map((poll) => poll.id)).toEqual(['council-feedback', 'children-playing']);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('a missing pack is reported as missing', async () => {
    await expect(readPollPack(nodeFileSystem, join(await makeTempDir(), pollPackFileName))).rejects.toMatchObject({ reason: 'packNotFound', code: 'not_found' });
  });

  it('counts nesting without being fooled by brackets inside strings', () => {
    expect(nestingDepth('{"a":[1,{"b":"[[[[{{{{"}]}')).toBe(3);
    expect(nestingDepth('"\\"[[["')).toBe(0);
  });
});
