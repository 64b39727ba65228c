import { describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import { URDecoder } from '@ngraveio/bc-ur';
import { batchAnswerLine, batchClosingLine, batchOpeningLine } from '../../src-shared/contract/batch-canonical';
import type { ExportAnswer } from '../../src-shared/contract/batch-format';
import { BatchRefused, openTransferredBatch } from '../../src-shared/qr/batch-intake';
import { answerIdOf, answerIdRun } from '../../src-shared/contract/answer-id';
import { compactPayloadVersion, decodeCompactBatch, encodeCompactBatch, NewerPayloadError } from '../../src-shared/qr/compact-batch';
import { chooseFragments, mixDegree } from '../../src-shared/qr/bc-ur';
import { fountainFrames } from '../../src-shared/qr/fountain-frames';
import { FountainSolver } from '../../src-shared/qr/fountain-solver';
import { FrameReceiver, parsePart } from '../../src-shared/qr/frame-receiver';
import { rememberedChoice } from '../../scripts/camera/fragment-choice';
import { sampleBatch, seededRandom, samplePolls } from '../../scripts/fixtures/sample-batch';
import { sha256Hex } from '../support/qr-kit';

async function payloadOf(canonical: string): Promise<Uint8Array> {
  return encodeCompactBatch(canonical, await sha256Hex(strToU8(canonical)));
}

/** Feeds frames in a shuffled order with a share dropped; returns the payload and how many were fed. */
function receiveShuffled(frames: readonly string[], dropShare: number, seed: number, receiver = new FrameReceiver()) {
  const random = seededRandom(seed);
  const order = frames.map((frame) => ({ frame, key: random() })).sort((left, right) => left.key - right.key);
  let fed = 0;
  for (const { frame } of order) {
    if (random() < dropShare) continue;
    fed += 1;
    const outcome = receiver.receive(frame);
    if (outcome.kind === 'complete') return { payload: outcome.payload, fed };
  }
  return { payload: null, fed };
}

describe('compact batch encoding', () => {
  it('gives back the canonical batch byte for byte, far smaller than deflated JSON', async () => {
    for (const answers of [1, 2, 100, 1000]) {
      const batch = sampleBatch({ answers, seed: answers });
      const payload = await payloadOf(batch.canonical);
      expect(payload[1], 'columns layout').toBe(1);
      expect(decodeCompactBatch(payload).canonical).toBe(batch.canonical);
      if (answers >= 100) expect(payload.length / answers).toBeLessThan(40);
    }
  });

  it('keeps text answers, masked kinds, times without a fraction and awkward comments', async () => {
    const { header, answers: base } = sampleBatch({ answers: 3 });
    const [first, second, third] = base;
    if (first === undefined || second === undefined || third === undefined) throw new Error('no answers');
    const answers: ExportAnswer[] = [
      { ...first, answer: { text: 'Lisää "sohvia"; ja\nvaloa 👶🏽' }, masked: ['email', 'phone'], comment: '', answeredAt: '2026-11-02T09:00:00Z' },
      { ...second, comment: '=SUMMA(A1)', topics: ['staff', 'hours'], flags: ['burst', 'late'], answeredAt: '2026-03-29T03:00:00.5-05:30' },
      { ...third, answer: { optionIds: [] }, language: 'sv' },
    ];
    const canonical = [batchOpeningLine(header, samplePolls), ...answers.map((answer, index) => batchAnswerLine(answer, index === 2)), batchClosingLine].join('');
    const payload = await payloadOf(canonical);
    expect(payload[1]).toBe(1);
    expect(decodeCompactBatch(payload).canonical).toBe(canonical);
  });

  it('sends the kiosk’s ids by runs as version 2, in under 60 % of the bytes, and random ids as version 1 did', async () => {
    const byRuns = sampleBatch({ answers: 1000, seed: 1000 });
    const random = sampleBatch({ answers: 1000, seed: 1000, ids: 'random' });
    const [small, large] = [await payloadOf(byRuns.canonical), await payloadOf(random.canonical)];
    expect([small[0], large[0]]).toEqual([2, 1]);
    expect(decodeCompactBatch(small).canonical).toBe(byRuns.canonical);
    expect(decodeCompactBatch(large).canonical).toBe(random.canonical);
    expect(small.length).toBeLessThan(large.length * 0.6);
  });

  it('gives back every id where runs interleave, skip counts, go back, or meet random ids', async () => {
    const { header, answers } = sampleBatch({ answers: 9 });
    const [first, second, lone] = [1, 2, 3].map((fill) => answerIdRun(new Uint8Array(12).fill(fill)));
    if (first === undefined || second === undefined || lone === undefined) throw new Error('no runs');
    const ids = [
      answerIdOf(first, 5), '3f1c2a4b-9d8e-4f70-a1b2-c3d4e5f60718', answerIdOf(first, 6), answerIdOf(second, 2 ** 32 - 1), answerIdOf(first, 9),
      answerIdOf(second, 0), '00000000-0000-4000-8000-000000000000', answerIdOf(first, 0), answerIdOf(lone, 3),
    ];
    const mixed = answers.map((answer, index) => ({ ...answer, id: ids[index] ?? answer.id }));
    const canonical = [batchOpeningLine(header, samplePolls), ...mixed.map((answer, index) => batchAnswerLine(answer, index === mixed.length - 1)), batchClosingLine].join('');
    const payload = await payloadOf(canonical);
    expect([payload[0], payload[1]]).toEqual([2, 1]);
    expect(decodeCompactBatch(payload).canonical).toBe(canonical);
  });

  it('sends text the columns cannot give back exactly as it is', async () => {
    const batch = sampleBatch({ answers: 5 });
    const first = batch.answers[0];
    if (first === undefined) throw new Error('no answer');
    const odd = batch.canonical.replace(first.id, first.id.toUpperCase());
    const payload = await payloadOf(odd);
    expect(payload[1], 'canonical text layout').toBe(0);
    expect(decodeCompactBatch(payload).canonical).toBe(odd);
  });

  it('refuses a payload from a newer format and one that is cut short', async () => {
    const payload = await payloadOf(sampleBatch({ answers: 10 }).canonical);
    const newer = payload.slice();
    newer[0] = compactPayloadVersion + 1;
    expect(() => decodeCompactBatch(newer)).toThrow(NewerPayloadError);
    await expect(openTransferredBatch(newer, sha256Hex)).rejects.toMatchObject({ reason: 'newerFormat' });
    await expect(openTransferredBatch(payload.subarray(0, payload.length - 20), sha256Hex)).rejects.toMatchObject({ reason: 'damaged' });
  });
});

describe('fountain frames', () => {
  it('reassemble from any order with a fifth of the frames lost', async () => {
    const batch = sampleBatch({ answers: 400, seed: 3 });
    const payload = await payloadOf(batch.canonical);
    const { frames, fragmentCount } = fountainFrames(payload, 250);
    expect(fragmentCount).toBeGreaterThan(20);
    expect(frames.every((frame) => /^UR:KERRO-BATCH\/\d+-\d+\/[A-Z]+$/.test(frame))).toBe(true);
    for (const seed of [1, 2, 3]) {
      const { payload: received, fed } = receiveShuffled(frames, 0.2, seed);
      expect(received).toEqual(payload);
      expect(fed).toBeLessThan(fragmentCount + 8);
      const opened = await openTransferredBatch(received ?? new Uint8Array(), sha256Hex);
      expect(opened.canonical).toBe(batch.canonical);
      expect(opened.answers).toHaveLength(400);
    }
  });

  it('are plain BC-UR: the stock bc-ur decoder reads them too', async () => {
    const payload = await payloadOf(sampleBatch({ answers: 50 }).canonical);
    const { frames } = fountainFrames(payload, 200);
    const decoder = new URDecoder();
    for (const frame of frames) {
      decoder.receivePart(frame.toLowerCase());
      if (decoder.isComplete()) break;
    }
    expect(decoder.isSuccess()).toBe(true);
    expect(new Uint8Array(decoder.resultUR().decodeCBOR())).toEqual(payload);
  });

  it('solve alike with the bench’s remembered fragment choice, one memo across batches', async () => {
    // The bench's simulations share one memo over every batch they run; its answers must be bc-ur's own.
    const choose = rememberedChoice();
    for (const [answers, fragmentSize] of [[60, 150], [120, 200]] as const) {
      const payload = await payloadOf(sampleBatch({ answers, seed: answers }).canonical);
      const parts = fountainFrames(payload, fragmentSize).frames.map((frame) => parsePart(frame));
      for (const round of [1, 2]) {
        const [first] = parts;
        if (first === undefined || typeof first === 'string') throw new Error('no part');
        const remembered = new FountainSolver(first.seqLength, first.messageLength, first.checksum, first.fragment.length, choose);
        const plain = new FountainSolver(first.seqLength, first.messageLength, first.checksum, first.fragment.length);
        // Every other part lost, mixes from the second round on, so elimination has work to do.
        for (const [index, part] of parts.entries()) {
          if (typeof part === 'string' || (index + round) % 2 === 0) continue;
          expect(remembered.add(part.seqNum, part.fragment)).toBe(plain.add(part.seqNum, part.fragment));
          expect(remembered.rank).toBe(plain.rank);
        }
        expect(remembered.message()).toEqual(plain.message());
      }
      for (let seqNum = 1; seqNum <= 30; seqNum += 1) expect(choose(seqNum, 17, 99)).toEqual(chooseFragments(seqNum, 17, 99));
    }
  });

  it('choose their mixes by the degree bc-ur itself gives each part', () => {
    // The schedule asks only for a part's degree; it must be the length of the mix bc-ur makes.
    for (const [seqLength, checksum] of [[7, 0x1234abcd], [47, 0xdeadbeef], [112, 42]] as const) {
      for (let seqNum = 1; seqNum <= seqLength + 40; seqNum += 1) {
        expect(mixDegree(seqNum, seqLength, checksum)).toBe(chooseFragments(seqNum, seqLength, checksum).length);
      }
    }
  });
});

describe('bad input', () => {
  it('ignores codes that are not ours', () => {
    const receiver = new FrameReceiver();
    for (const text of ['https://example.fi', 'UR:BYTES/1-3/LPADAXCFAXHLCYYNEMKEW', 'hello', '']) {
      expect(receiver.receive(text)).toEqual({ kind: 'ignored', reason: 'notOurs' });
    }
  });

  it('ignores a damaged part and refuses a forged part count before the decoder sees it', async () => {
    const payload = await payloadOf(sampleBatch({ answers: 50 }).canonical);
    const { frames } = fountainFrames(payload, 200);
    const first = frames[0] ?? '';
    const receiver = new FrameReceiver();
    const flipped = `${first.slice(0, -12)}${first.slice(-12).includes('A') ? first.slice(-12).replace('A', 'E') : first.slice(-12).replace(/.$/, 'A')}`;
    expect(receiver.receive(flipped)).toEqual({ kind: 'ignored', reason: 'damaged' });
    expect(receiver.receive(first.replace(/\/1-(\d+)\//, '/1-50000/'))).toEqual({ kind: 'ignored', reason: 'tooLarge' });
    expect(receiver.receive(first.replace(/\/1-(\d+)\//, '/2-$1/'))).toEqual({ kind: 'ignored', reason: 'damaged' });
  });

  it('keeps a part of another batch out of the batch being read', async () => {
    const wanted = await payloadOf(sampleBatch({ answers: 200, seed: 5 }).canonical);
    const other = await payloadOf(sampleBatch({ answers: 200, seed: 6, kioskId: 'K-OTHER' }).canonical);
    const wantedFrames = fountainFrames(wanted, 300).frames;
    const strays = fountainFrames(other, 300).frames.slice(0, 4);
    const mixed = [strays[0] ?? '', ...wantedFrames.slice(0, 5), ...strays.slice(1), ...wantedFrames.slice(5)];
    const receiver = new FrameReceiver();
    let completed: Uint8Array | null = null;
    for (const frame of mixed) {
      const outcome = receiver.receive(frame);
      if (outcome.kind === 'complete') {
        completed = outcome.payload;
        break;
      }
    }
    expect(completed).toEqual(wanted);
  });

  it('refuses a batch whose content does not match the hash it came with', async () => {
    const batch = sampleBatch({ answers: 20 });
    const tampered = batch.canonical.replace('"very-good"', '"very-bad"').replace('"good"', '"bad"');
    expect(tampered).not.toBe(batch.canonical);
    // The kiosk's hash with another content: a consistent transfer whose batch was altered.
    const payload = encodeCompactBatch(tampered, await sha256Hex(strToU8(batch.canonical)));
    const { frames } = fountainFrames(payload, 200);
    const { payload: received } = receiveShuffled(frames, 0, 1);
    const refusal = await openTransferredBatch(received ?? new Uint8Array(), sha256Hex).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(BatchRefused);
    expect(refusal).toMatchObject({ reason: 'hashMismatch' });
  });
});
