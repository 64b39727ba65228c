import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { retentionDayChoices } from '../../src-shared/contract/retention';
import type { ResponseBook } from '../../src-main/core/domain/response-book';
import { dayMs, planPurge, type PurgeCandidate } from '../../src-main/core/retention/purge-plan';
import { toLocalIsoString } from '../../src-main/core/time';
import { openRetentionParts, switchableStick } from '../support/retention-kit';
import { manualClock } from '../support/staff';
import { makeTempDir } from '../support/temp-dir';

const start = Date.parse('2026-11-29T08:00:00.000Z');

const batchesArbitrary = fc.array(fc.record({ count: fc.integer({ min: 1, max: 5 }), exportedAfterDays: fc.option(fc.integer({ min: 0, max: 400 })) }), {
  maxLength: 12,
});

describe('which batches a purge takes', () => {
  it('only exported batches whose first export is old enough, in order from the floor, and all of those', () => {
    fc.assert(
      fc.property(batchesArbitrary, fc.nat({ max: 12 }), fc.integer({ min: 0, max: 800 }), fc.constantFrom(...retentionDayChoices), (shapes, floorPick, nowDays, days) => {
        let seq = 0;
        const batches: PurgeCandidate[] = shapes.map((shape, index) => {
          const seqFrom = seq + 1;
          seq += shape.count;
          const exports = shape.exportedAfterDays === null ? [] : [{ at: toLocalIsoString(new Date(start + shape.exportedAfterDays * dayMs)), folder: 'F' }];
          return { number: index + 1, seqFrom, seqTo: seq, count: shape.count, hash: String(index).padStart(64, '0'), exports };
        });
        const floorBatch = Math.min(floorPick, batches.length);
        const now = new Date(start + nowDays * dayMs);
        const isDue = (batch: PurgeCandidate) => {
          const at = batch.exports[0]?.at;
          return at !== undefined && now.getTime() - Date.parse(at) >= days * dayMs;
        };
        const due = planPurge(batches, floorBatch, now, days);
        for (const batch of due) expect(isDue(batch)).toBe(true);
        expect(due.map((batch) => batch.number)).toEqual(due.map((_, index) => floorBatch + 1 + index));
        const next = batches[floorBatch + due.length];
        if (next !== undefined) expect(isDue(next)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

type Step =
  | { kind: 'answer'; count: number }
  | { kind: 'export'; isForgetful: boolean }
  | { kind: 'seal' }
  | { kind: 'wait'; days: number }
  | { kind: 'purge' };

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('answer' as const), count: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ kind: fc.constant('export' as const), isForgetful: fc.boolean() }),
  fc.record({ kind: fc.constant('seal' as const) }),
  fc.record({ kind: fc.constant('wait' as const), days: fc.integer({ min: 1, max: 120 }) }),
  fc.record({ kind: fc.constant('purge' as const) }),
);

describe('the purge with real files', () => {
  it('never removes an answer that is not in a batch exported and checked at least the retention time ago', async () => {
    /** Across all runs, answers that did go: the property must not hold only because nothing was ever purged. */
    let purgedAnswers = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(stepArbitrary, { minLength: 1, maxLength: 25 }), fc.constantFrom(...retentionDayChoices), async (steps, days) => {
        const dataDir = await makeTempDir();
        const stick = await makeTempDir();
        const stickState = { isForgetful: false };
        const time = manualClock();
        const options = { clock: time.clock, stickFileSystem: switchableStick(stickState), retentionDays: () => days };
        const parts = await openRetentionParts(dataDir, options);
        /** Each answer's id and when a stick first took it, read back and checked. */
        const model = new Map<string, { exportedAt: number | null }>();
        const check = async (responses: ResponseBook) => {
          const ids = new Set((await responses.readRange()).map((response) => response.id));
          for (const [id, answer] of model) {
            const isOldEnough = answer.exportedAt !== null && time.clock().getTime() - answer.exportedAt >= days * dayMs;
            if (!isOldEnough) expect(ids.has(id), `answer ${id} was removed too early`).toBe(true);
          }
        };
        try {
          for (const step of steps) {
            if (step.kind === 'answer') {
              for (let index = 0; index < step.count; index += 1) model.set(await parts.answer(), { exportedAt: null });
            } else if (step.kind === 'export') {
              stickState.isForgetful = step.isForgetful;
              const isWritten = await parts.exports.exportTo({ path: stick, name: 'STICK' }).then(
                () => true,
                () => false,
              );
              if (isWritten) for (const answer of model.values()) answer.exportedAt ??= time.clock().getTime();
            } else if (step.kind === 'seal') {
              await parts.exports.seal();
            } else if (step.kind === 'wait') {
              time.advance(step.days * dayMs);
            } else {
              await parts.purge.run();
            }
            await check(parts.responses);
          }
          // A year on, everything exported has come of age; what was never exported must still be here.
          time.advance(366 * dayMs);
          await parts.purge.run();
          await check(parts.responses);
          purgedAnswers += model.size - parts.responses.count;
          await parts.close();
          const reopened = await openRetentionParts(dataDir, options);
          await check(reopened.responses);
          expect(reopened.context.recoveries).toEqual([]);
          await reopened.close();
        } finally {
          await parts.close();
        }
      }),
      { numRuns: 25 },
    );
    expect(purgedAnswers).toBeGreaterThan(0);
  });
});
