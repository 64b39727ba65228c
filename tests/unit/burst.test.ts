import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BurstDetector } from '../../src-main/core/domain/burst-detector';
import { call, openTestKiosk, standingAnswer, valueOf } from '../../scripts/fixtures/kiosk';
import { makeTempDir } from '../support/temp-dir';

describe('burst detection', () => {
  it('flags the answers that come too fast, and calms down after the window', () => {
    const detector = new BurstDetector(4, 10_000);
    const flags = [0, 1000, 2000, 3000, 4000, 9000, 25_000, 40_000].map((time) => detector.isBurst(time));
    expect(flags).toEqual([false, false, false, true, true, true, false, false]);
  });

  it('keeps every burst answer in the store, flagged', async () => {
    let time = Date.parse('2026-11-29T10:00:00Z');
    const dataDir = await makeTempDir();
    const kiosk = await openTestKiosk(dataDir, { clock: () => new Date(time) });
    for (let index = 0; index < 6; index += 1) {
      valueOf(await call(kiosk, 'responses.submit', standingAnswer()));
      time += 500;
    }
    time += 60_000;
    valueOf(await call(kiosk, 'responses.submit', standingAnswer()));
    await kiosk.close();
    const directory = join(dataDir, 'answers');
    const [segment] = await readdir(directory);
    const lines = (await readFile(join(directory, segment ?? ''), 'utf8')).trim().split('\n');
    const flags = lines.map((line) => (JSON.parse(line) as { response: { flags: string[] } }).response.flags);
    expect(flags).toEqual([[], [], [], ['burst'], ['burst'], ['burst'], []]);
  });
});
