import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCrashChild, runAndKill, storedAnswers, type Acknowledged } from '../../scripts/fixtures/crash-harness';
import { openTestKiosk } from '../../scripts/fixtures/kiosk';
import { makeTempDir } from '../support/temp-dir';

const kills = 50;

describe('crash safety', () => {
  it(`keeps every acknowledged answer exactly once through ${kills} SIGKILLs`, async () => {
    const workDir = await makeTempDir();
    const childPath = await buildCrashChild('crash-test');
    const dataDir = join(workDir, 'data');
    const acknowledged: Acknowledged[] = [];
    for (let round = 0; round < kills; round += 1) {
      // Random moments: sometimes before the first answer lands, sometimes deep into a run.
      acknowledged.push(...(await runAndKill(childPath, dataDir, Math.floor(Math.random() * 40))));
    }
    expect(acknowledged.length).toBeGreaterThan(kills);

    const kiosk = await openTestKiosk(dataDir, { segmentCapacity: 25 });
    const stored = await storedAnswers(dataDir);
    const storedIds = new Set(stored.map((answer) => answer.responseId));
    expect(storedIds.size).toBe(stored.length);
    for (const answer of acknowledged) expect(storedIds.has(answer.responseId)).toBe(true);
    expect(stored.map((answer) => answer.seq)).toEqual(stored.map((_, index) => index + 1));
    expect(kiosk.health().answersStored).toBe(stored.length);
    const problems = kiosk.health().storage.recoveries.filter((recovery) => !recovery.problem.startsWith('torn last line'));
    expect(problems).toEqual([]);
    await kiosk.close();
  });
});
