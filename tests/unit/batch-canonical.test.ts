import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { audiences } from '../../src-shared/contract/children';
import { describe, expect, it } from 'vitest';
import { canonicalAnswerJson, canonicalJson } from '../../src-shared/contract/batch-canonical';
import { personalDataKinds, type BatchHeader, type ExportAnswer } from '../../src-shared/contract/batch-format';
import { languageCodes } from '../../src-shared/i18n/languages';
import { scanBatchFile, writeBatchFile } from '../../src-main/core/batches/batch-file';
import { nodeFileSystem } from '../../src-main/core/store/file-system';
import { makeTempDir } from '../support/temp-dir';

const identifier = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,10}$/);
const text = fc.string({ unit: fc.oneof(fc.constantFrom('"', '\\', '\n', '\u2028', 'ä', '👶', '\u0000', ';'), fc.string({ minLength: 1, maxLength: 1, unit: 'binary' })), maxLength: 40 });

const exportAnswer: fc.Arbitrary<ExportAnswer> = fc.record({
  seq: fc.integer({ min: 1, max: 2 ** 40 }),
  id: fc.uuid(),
  pollId: identifier,
  pollVersion: fc.integer({ min: 1, max: 1000 }),
  answer: fc.oneof(fc.record({ optionIds: fc.array(identifier, { maxLength: 4 }) }), fc.record({ text })),
  language: fc.constantFrom(...languageCodes),
  answeredAt: fc.constant('2026-11-29T09:15:02.120+02:00'),
  flags: fc.array(fc.constantFrom('burst'), { maxLength: 1 }),
  topics: fc.array(identifier, { maxLength: 3 }),
  comment: fc.option(text, { nil: null }),
  masked: fc.subarray([...personalDataKinds]),
}).chain((answer) =>
  // Children's answers carry their audience; adults' kept before it was counted have none.
  fc.option(fc.constantFrom(...audiences), { nil: undefined }).map((audience) => (audience === undefined ? answer : { ...answer, audience })),
);

describe('canonical JSON', () => {
  it('sorts keys by code unit, leaves no whitespace and keeps array order', () => {
    expect(canonicalJson({ b: [3, 1, { z: null, a: true }], a: 'x', B: 'y', ä: 1 })).toBe('{"B":"y","a":"x","b":[3,1,{"a":true,"z":null}],"ä":1}');
  });

  it('refuses what would serialise differently elsewhere', () => {
    expect(() => canonicalJson(1.5)).toThrow(TypeError);
    expect(() => canonicalJson(2 ** 60)).toThrow(TypeError);
    expect(() => canonicalJson({ missing: undefined })).toThrow(TypeError);
  });

  it('the fast answer writer gives exactly the generic canonical form, for any answer', () => {
    fc.assert(
      fc.property(exportAnswer, (answer) => {
        expect(canonicalAnswerJson(answer)).toBe(canonicalJson(answer));
        expect(JSON.parse(canonicalAnswerJson(answer))).toEqual(answer);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('batch files', () => {
  const header: BatchHeader = {
    kioskId: 'K-TEST-0001',
    site: 'Perheiden piha',
    number: 1,
    previousHash: null,
    createdAt: '2026-11-29T10:00:00.000+02:00',
    seqFrom: 1,
    seqTo: 4,
    count: 3,
    sealedBy: 'test',
  };
  const answers = (seqs: number[]): ExportAnswer[] =>
    seqs.map((seq) => ({
      seq,
      id: `3b241101-e2bb-4255-8caf-4136c566a96${seq}`,
      pollId: 'council-feedback',
      pollVersion: 1,
      answer: { optionIds: ['good'] },
      language: 'fi',
      answeredAt: '2026-11-29T09:15:02.120+02:00',
      flags: [],
      topics: [],
      comment: seq === 2 ? 'rivi\nrivi "lainaus"' : null,
      masked: [],
    }));

  async function written(): Promise<{ path: string; text: string; sha256: string }> {
    const path = join(await makeTempDir(), '000001.json');
    const { sha256 } = await writeBatchFile(nodeFileSystem, path, header, [], answers([1, 2, 4]));
    return { path, text: await readFile(path, 'utf8'), sha256 };
  }

  it('reads back what it wrote, with the same hash, as valid JSON with one answer per line', async () => {
    const { path, text, sha256 } = await written();
    expect(text.split('\n')).toHaveLength(6);
    expect(JSON.parse(text)).toMatchObject({ format: 'kerro-batch', schemaVersion: 1, batch: header, answers: answers([1, 2, 4]) });
    const seen: number[] = [];
    const scanned = await scanBatchFile(nodeFileSystem, path, { onAnswer: (answer) => void seen.push(answer.seq) });
    expect(scanned).toMatchObject({ sha256, header });
    expect(seen).toEqual([1, 2, 4]);
  });

  it('refuses to write more or fewer answers than the header says', async () => {
    const path = join(await makeTempDir(), '000001.json');
    await expect(writeBatchFile(nodeFileSystem, path, header, [], answers([1, 2]))).rejects.toThrow('promises 3');
    await expect(readFile(path)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  const damages: [string, (text: string) => string, string][] = [
    ['a space added inside an answer', (text) => text.replace('"seq":2', '"seq": 2'), 'not in canonical form'],
    ['keys reordered in an answer', (text) => text.replace('{"answer":{"optionIds":["good"]},', '{').replace(',"comment":null,"flags":[],"id":"3b241101-e2bb-4255-8caf-4136c566a961"', ',"answer":{"optionIds":["good"]},"comment":null,"flags":[],"id":"3b241101-e2bb-4255-8caf-4136c566a961"'), 'not in canonical form'],
    ['the last line feed cut off', (text) => text.slice(0, -1), 'does not end with a line feed'],
    ['the closing line removed', (text) => text.replace(']}\n', ''), 'has no end'],
    ['an answer removed', (text) => text.replace(/\n\{[^\n]*"seq":2,[^\n]*\n/, '\n'), 'the file has 2'],
    ['answers swapped', (text) => { const lines = text.split('\n'); [lines[1], lines[2]] = [lines[2] ?? '', lines[1] ?? '']; return lines.join('\n'); }, 'out of order'],
    ['text after the end', (text) => `${text}{}\n`, 'after the end'],
    ['a header field changed', (text) => text.replace('"count":3', '"count":3,"extra":1'), 'header is invalid'],
    ['a newer format version', (text) => text.replace('"schemaVersion":1', '"schemaVersion":2'), 'not supported'],
  ];

  it.each(damages)('refuses a file with %s', async (_label, damage, reason) => {
    const { path, text } = await written();
    await writeFile(path, damage(text));
    await expect(scanBatchFile(nodeFileSystem, path)).rejects.toThrow(reason);
  });
});
