import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call, openTestKiosk, standingAnswer, valueOf } from '../../scripts/fixtures/kiosk';
import { makeTempDir } from '../support/temp-dir';

describe('a sealing cut short', () => {
  it('leaves no temporary batch file behind after the next open, and the recovery report says so', async () => {
    const dataDir = await makeTempDir();
    const first = await openTestKiosk(dataDir);
    valueOf(await call(first, 'responses.submit', standingAnswer()));
    await first.close();
    // What a SIGKILL between writing and renaming a sealed batch leaves.
    await writeFile(join(dataDir, 'batches', '000001.json.5f3a9c1e.tmp'), '{"header":{"number":1}}\n{"seq":1,"comment":"Hyvä paikka"}\n');
    // And what one before the batch file was begun leaves: the answers parked while they streamed past.
    await writeFile(join(dataDir, 'batches', '000001.json.answers.0c4d2b7a.tmp'), '{"seq":1,"comment":"Hyvä paikka"},\n');

    const reopened = await openTestKiosk(dataDir);
    expect(await readdir(join(dataDir, 'batches'))).toEqual([]);
    expect(reopened.health().storage.recoveries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'batches/000001.json.5f3a9c1e.tmp', problem: 'left by a sealing cut short' }),
        expect.objectContaining({ file: 'batches/000001.json.answers.0c4d2b7a.tmp', problem: 'left by a sealing cut short' }),
      ]),
    );
    expect(reopened.health().storage.recoveries).toHaveLength(2);
    expect(reopened.health().answersStored).toBe(1);
    await reopened.close();
  });
});
