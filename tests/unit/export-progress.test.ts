import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeAnswerHistory } from '../../scripts/fixtures/answer-history';
import { openExportKit, testSettings } from '../../scripts/fixtures/export-kit';
import type { ExportProgress } from '../../src-main/core/stick/folder-writer';
import { makeTempDir } from '../support/temp-dir';

/** Enough answers for some 14 MB of responses.json and responses.csv: a slow stick takes seconds over them. */
const answerCount = 30_000;

describe('the progress of an export', () => {
  it('moves on while the two big files are copied to the stick, in answers, up to the whole batch', async () => {
    const dataDir = join(await makeTempDir(), 'data');
    await writeAnswerHistory(dataDir, testSettings.kioskId, answerCount);
    const kit = await openExportKit(dataDir, join(await makeTempDir(), 'STICK'));
    const progress: ExportProgress[] = [];
    const run = await kit.service.exportTo({ path: kit.stick, name: 'STICK' }, 'comma', (step) => progress.push(step));
    expect(run.written.map((folder) => folder.batch.count)).toEqual([answerCount]);
    const writing = progress.filter((step) => step.step === 'writing').map((step) => step.done);
    // Told every 4 MiB of the copy: at least three times before the last, each further on.
    expect(writing.length).toBeGreaterThanOrEqual(4);
    expect(writing.filter((done) => done > 0 && done < answerCount).length).toBeGreaterThanOrEqual(3);
    expect([...writing].sort((left, right) => left - right)).toEqual(writing);
    expect(writing.at(-1)).toBe(answerCount);
    expect(progress.every((step) => step.total === answerCount * 2 && step.done <= step.total)).toBe(true);
    await kit.close();
  });
});
