import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ResponseBook } from '../../src-main/core/domain/response-book';
import { verifyExportFolders } from '../../src-main/core/stick/verify';
import { silentLogger } from '../../src-main/core/logger';
import { PurgeLedger } from '../../src-main/core/retention/purge-ledger';
import { nodeFileSystem } from '../../src-main/core/store/file-system';
import { StoreContext } from '../../src-main/core/store/store-context';
import { call, valueOf } from '../../scripts/fixtures/kiosk';
import { dayMs, openRetentionKit, type RetentionKit } from '../support/retention-kit';
import { unlock } from '../support/staff';
import { makeTempDir } from '../support/temp-dir';
import { runKerroInProcess } from '../support/cli-in-process';

const kerro = (args: string[]) => runKerroInProcess(args);

/** What the staff screens count: the overview's stored answers and the standing question's results agree. */
async function countedAnswers(kit: RetentionKit): Promise<number> {
  const token = await unlock(kit.kiosk);
  const overview = valueOf(await call(kit.kiosk, 'staff.overview', {}, token)) as { answersStored: number };
  const results = valueOf(await call(kit.kiosk, 'results.poll', { pollId: 'council-feedback', from: null, to: null }, token)) as { total: number };
  expect(results.total).toBe(overview.answersStored);
  return results.total;
}

/**
 * With 4 lines per segment: answers 1–4 fill segment 1; 5, 6, a follow-up to 6 and 7 fill
 * segment 2; 8… go on in segment 3. Batch 1 holds answers 1–6, so after its purge segment 1
 * can go whole, and segment 2 must stay for answer 7.
 */
async function kitWithSplitSegment(): Promise<RetentionKit> {
  const kit = await openRetentionKit();
  await kit.answer(5);
  const [sixth] = await kit.answer(1);
  const sixthId = await idOf(kit, sixth ?? 0);
  valueOf(await call(kit.kiosk, 'responses.followUp', { responseId: sixthId, topics: ['staff'] }));
  await kit.exportAll();
  await kit.answer(3);
  expect(await kit.segments()).toEqual(['000001.jsonl', '000002.jsonl', '000003.open.jsonl']);
  return kit;
}

/** An answer's id by its number, read from the journal as a support person would. */
async function idOf(kit: RetentionKit, seq: number): Promise<string> {
  for (const name of (await readdir(join(kit.dataDir, 'answers'))).sort()) {
    for (const line of (await readFile(join(kit.dataDir, 'answers', name), 'utf8')).trimEnd().split('\n')) {
      const parsed = JSON.parse(line) as { type: string; response?: { seq: number; id: string } };
      if (parsed.type === 'response' && parsed.response?.seq === seq) return parsed.response.id;
    }
  }
  throw new Error(`No answer ${seq}`);
}

describe('retention purge', () => {
  it('purges nothing before the retention time, and never a batch that was not exported and checked', async () => {
    const kit = await openRetentionKit();
    await kit.answer(6);
    await kit.exportAll();
    kit.clock.advance(dayMs);
    await kit.answer(3);
    kit.stickState.isForgetful = true;
    await expect(kit.exportAll()).rejects.toMatchObject({ reason: 'checkFailed' });
    kit.stickState.isForgetful = false;
    await kit.answer(2);
    expect(kit.kiosk.exports.batchRecords().map((batch) => [batch.number, batch.exports.length])).toEqual([
      [1, 1],
      [2, 0],
    ]);

    kit.clock.advance(89 * dayMs - 1);
    expect(await kit.kiosk.retention.run()).toBeNull();
    expect(await countedAnswers(kit)).toBe(11);

    kit.clock.advance(1);
    const outcome = await kit.kiosk.retention.run();
    expect(outcome?.purge).toMatchObject({ answers: 6, batchFrom: 1, batchTo: 1, seqFrom: 1, seqTo: 6, retentionDays: 90 });
    expect(await countedAnswers(kit)).toBe(5);
    expect(kit.kiosk.health().unexported).toBe(5);

    // A year on, batch 2 (read back wrong, so never marked exported) and the unsealed answers stay.
    kit.clock.advance(365 * dayMs);
    expect(await kit.kiosk.retention.run()).toBeNull();
    expect(await countedAnswers(kit)).toBe(5);
    expect(await kit.batchFiles()).toEqual(['000002.json', '000002.report.html']);
    await kit.reopen();
    expect(kit.kiosk.health()).toMatchObject({ answersStored: 5, unexported: 5 });
    await kit.kiosk.close();
  });

  it('deletes whole sealed segments only, logs the counts, and after a restart numbering goes on with no gap reported', async () => {
    const kit = await kitWithSplitSegment();
    kit.clock.advance(90 * dayMs);
    const outcome = await kit.kiosk.retention.run();
    expect(outcome).toEqual({
      purge: expect.objectContaining({ answers: 6, batchFrom: 1, batchTo: 1, seqFrom: 1, seqTo: 6 }),
      segmentsDeleted: 1,
      batchFilesDeleted: 1,
    });
    expect(kit.logger.events.filter((event) => event.event.startsWith('retention.'))).toEqual([
      {
        level: 'info',
        event: 'retention.purged',
        fields: expect.objectContaining({ answers: 6, batchFrom: 1, batchTo: 1, seqFrom: 1, seqTo: 6, segmentsDeleted: 1, batchFilesDeleted: 1 }),
      },
    ]);
    // Segment 2 still holds answer 7, so it stays whole; sealed segments are never rewritten.
    expect(await kit.segments()).toEqual(['000002.jsonl', '000003.open.jsonl']);
    expect(await kit.batchFiles()).toEqual([]);
    expect(await countedAnswers(kit)).toBe(3);

    await kit.reopen();
    const health = kit.kiosk.health();
    expect(health).toMatchObject({ answersStored: 3, unexported: 3 });
    // Answers 5 and 6 and the follow-up to 6 are still in segment 2: passed over, not damage.
    expect(health.storage.recoveries).toEqual([]);
    expect(health.storage.quarantined).toBe(0);
    expect(await readdir(join(kit.dataDir, 'quarantine'))).toEqual([]);
    const [next] = await kit.answer(1);
    expect(next).toBe(10);
    expect(await countedAnswers(kit)).toBe(4);
    await kit.kiosk.close();
  });

  it('after everything was purged and the journal emptied, a restart never hands out a used number', async () => {
    const kit = await openRetentionKit();
    await kit.answer(9);
    await kit.exportAll();
    await kit.answer(3);
    await kit.exportAll();
    kit.clock.advance(91 * dayMs);
    expect((await kit.kiosk.retention.run())?.purge).toMatchObject({ answers: 12, batchFrom: 1, batchTo: 2, seqTo: 12 });
    expect(kit.kiosk.health().answersStored).toBe(0);
    // The newest segment stays although all it holds is purged, so segment numbers go on too.
    expect(await kit.segments()).toEqual(['000003.jsonl']);
    await kit.reopen();
    expect(kit.kiosk.health()).toMatchObject({ answersStored: 0, unexported: 0, storage: { recoveries: [] } });
    expect(await kit.answer(1)).toEqual([13]);
    expect(await kit.segments()).toEqual(['000003.jsonl', '000004.open.jsonl']);
    await kit.kiosk.close();
  });

  it('finishes a purge cut short between writing the floor and deleting the files', async () => {
    const kit = await kitWithSplitSegment();
    const hashTo = kit.kiosk.exports.batchRecords()[0]?.hash ?? '';
    await kit.kiosk.close();
    // The crash: the floor is on disk (as the purge writes it first), no file was deleted yet.
    const context = new StoreContext(kit.dataDir, nodeFileSystem, kit.clock.clock, silentLogger);
    const ledger = await PurgeLedger.open(context);
    await ledger.record({ at: '2027-02-27T10:00:00.000+02:00', answers: 6, batchFrom: 1, batchTo: 1, seqFrom: 1, seqTo: 6, retentionDays: 90, hashTo });
    expect(await kit.segments()).toEqual(['000001.jsonl', '000002.jsonl', '000003.open.jsonl']);
    expect(await kit.batchFiles()).toEqual(['000001.json', '000001.report.html']);

    // Reopened long before batch 1 is due by the clock: only the unfinished purge acts.
    await kit.reopen();
    expect(await kit.segments()).toEqual(['000002.jsonl', '000003.open.jsonl']);
    expect(await kit.batchFiles()).toEqual([]);
    expect(kit.logger.events.filter((event) => event.event.startsWith('retention.'))).toEqual([
      { level: 'warn', event: 'retention.purgeFinished', fields: { floorSeq: 6, floorBatch: 1, segmentsDeleted: 1, batchFilesDeleted: 1 } },
    ]);
    expect(kit.kiosk.health()).toMatchObject({ answersStored: 3, unexported: 3, storage: { recoveries: [], quarantined: 0 } });
    expect(await kit.answer(1)).toEqual([10]);
    await kit.kiosk.close();
  });

  it('refuses to export a purged batch again, in the staff language, and shows it as purged', async () => {
    const kit = await openRetentionKit();
    await kit.answer(2);
    await kit.exportAll();
    kit.clock.advance(90 * dayMs);
    await kit.kiosk.retention.run();
    const stick = { path: kit.stick, name: 'STICK' };
    await expect(kit.kiosk.exports.reexportTo(stick, 1)).rejects.toMatchObject({
      reason: 'batchPurged',
      message: expect.stringMatching(/^Batch 1 cannot be exported again: its answers were removed from the kiosk on 2027-02-2\d /),
    });
    const token = await unlock(kit.kiosk);
    const { targets } = valueOf(await call(kit.kiosk, 'exports.targets', {}, token)) as { targets: { id: string }[] };
    const refused = await call(kit.kiosk, 'exports.reexport', { targetId: targets[0]?.id, batchNumber: 1 }, token);
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/^Erää 1 ei voi viedä uudelleen: .* poistettiin kioskilta 2027-02-2\d/) } });
    expect(await call(kit.kiosk, 'exports.qrFrames', { batchNumber: 1 }, token)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const list = valueOf(await call(kit.kiosk, 'exports.batches', {}, token)) as { batches: { number: number; purgedAt: string | null }[] };
    expect(list.batches).toEqual([expect.objectContaining({ number: 1, purgedAt: expect.stringMatching(/^2027-02-2\d/) })]);
    expect(await readdir(kit.stick)).toHaveLength(1);
    await kit.kiosk.close();
  });

  it('the command line refuses a purged batch too, and says why', async () => {
    const kit = await openRetentionKit();
    await kit.answer(2);
    await kit.exportAll();
    kit.clock.advance(90 * dayMs);
    await kit.kiosk.retention.run();
    await kit.kiosk.close();
    const again = await kerro(['export', '--data', kit.dataDir, '--to', kit.stick, '--batch', '1']);
    expect(again).toMatchObject({ code: 1, stderr: expect.stringMatching(/^Not exported: Batch 1 cannot be exported again: .* on 2027-02-2\d when the retention period ended/) });
    const frames = await kerro(['qr-frames', '--data', kit.dataDir, '--batch', '1', '--out', await makeTempDir()]);
    expect(frames).toMatchObject({ code: 1, stderr: expect.stringMatching(/^Batch 1 cannot be exported again/) });
  });

  it('keeps the chain: the batch after a purge links to the purged one, and both folders verify', async () => {
    const kit = await openRetentionKit();
    await kit.answer(5);
    const first = await kit.exportAll();
    kit.clock.advance(100 * dayMs);
    await kit.kiosk.retention.run();
    await kit.reopen();
    await kit.answer(2);
    const second = await kit.exportAll();
    const [one] = first.written;
    const [two] = second.written;
    expect(two?.batch).toMatchObject({ number: 2, seqFrom: 6, seqTo: 7, count: 2, previousHash: one?.batch.hash });
    const report = await verifyExportFolders([one?.path ?? '', two?.path ?? '']);
    expect(report.folders.flatMap((folder) => folder.problems)).toEqual([]);
    expect(report.chains).toMatchObject([{ batches: [1, 2], problems: [] }]);
    expect(report.isOk).toBe(true);
    await kit.kiosk.close();
  });

  it('goes on from the purged batch when the batch index is lost too: no number used twice, the chain unbroken', async () => {
    const kit = await openRetentionKit();
    await kit.answer(4);
    const first = await kit.exportAll();
    await kit.answer(2);
    await kit.kiosk.exports.seal();
    kit.clock.advance(90 * dayMs);
    await kit.kiosk.retention.run();
    await kit.kiosk.close();
    // Both copies of the index gone; only batch 2's file and the purge record are left to go on from.
    await rm(join(kit.dataDir, 'batches.json'));
    await rm(join(kit.dataDir, 'batches.json.bak'));
    await kit.reopen();
    expect(kit.kiosk.exports.batchRecords().map((batch) => batch.number)).toEqual([2]);
    await kit.answer(1);
    const second = await kit.exportAll();
    expect(second.written.map((written) => [written.batch.number, written.batch.seqFrom, written.batch.seqTo])).toEqual([
      [2, 5, 6],
      [3, 7, 7],
    ]);
    const report = await verifyExportFolders([...first.written, ...second.written].map((written) => written.path));
    expect(report.chains).toMatchObject([{ batches: [1, 2, 3], problems: [] }]);
    expect(report.isOk).toBe(true);
    await kit.kiosk.close();
  });

  it('runs on its own timer with the kiosk clock, and stops when the kiosk closes', async () => {
    const kit = await openRetentionKit({ purgeIntervalMs: 10 });
    await kit.answer(2);
    await kit.exportAll();
    kit.clock.advance(90 * dayMs);
    await expect.poll(() => kit.kiosk.health().answersStored, { timeout: 5000 }).toBe(0);
    await kit.answer(2);
    await kit.exportAll();
    await kit.kiosk.close();
    kit.clock.advance(90 * dayMs);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await kit.batchFiles()).toEqual(['000002.json', '000002.report.html']);
  });

  it('forgets only sealed answers, whatever it is asked', async () => {
    const kit = await openRetentionKit();
    await kit.answer(3);
    await kit.kiosk.exports.seal();
    await kit.answer(2);
    await kit.kiosk.close();
    const stored = join(kit.dataDir, 'retention.json');
    const context = new StoreContext(kit.dataDir, nodeFileSystem, kit.clock.clock, silentLogger);
    const responses = await ResponseBook.open(context, 4);
    responses.freezeThrough(3);
    await expect(responses.forgetThrough(4)).rejects.toThrow(/not all sealed/);
    expect(responses.count).toBe(5);
    expect(await responses.forgetThrough(3)).toBe(3);
    expect((await responses.readRange()).map((response) => response.seq)).toEqual([4, 5]);
    await responses.close();
    expect(JSON.parse(await readFile(stored, 'utf8'))).toMatchObject({ schemaVersion: 1, data: { purges: [] } });
  });
});

describe('the retention setting', () => {
  it('purges at once what a shorter time has made due, and shows it in the settings it returns', async () => {
    const kit = await openRetentionKit();
    await kit.answer(6);
    await kit.exportAll();
    kit.clock.advance(40 * dayMs);
    const token = await unlock(kit.kiosk);
    const { siteName, languages, defaultLanguage, idleSeconds, thanksSeconds } = valueOf(await call(kit.kiosk, 'settings.get', {}, token)) as Record<string, unknown>;
    const withRetention = (retentionDays: number) => ({ siteName, languages, defaultLanguage, idleSeconds, thanksSeconds, retentionDays });
    // Longer: nothing comes due, nothing is purged.
    expect(valueOf(await call(kit.kiosk, 'settings.update', withRetention(180), token))).toMatchObject({ retentionDays: 180, lastPurge: null });
    expect(await countedAnswers(kit)).toBe(6);

    const view = valueOf(await call(kit.kiosk, 'settings.update', withRetention(30), token));
    expect(view).toMatchObject({ retentionDays: 30, lastPurge: { answers: 6, batchFrom: 1, batchTo: 1 } });
    expect(await countedAnswers(kit)).toBe(0);
    expect(await kit.batchFiles()).toEqual([]);
    await kit.kiosk.close();
  });

  it('comes to a kiosk saved before it as 90 days, with the old file kept in backups', async () => {
    const kit = await openRetentionKit();
    await kit.kiosk.close();
    const path = join(kit.dataDir, 'kiosk.json');
    const saved = JSON.parse(await readFile(path, 'utf8')) as { schemaVersion: number; data: Record<string, unknown> };
    expect(saved).toMatchObject({ schemaVersion: 3, data: { retentionDays: 90 } });
    const older = Object.fromEntries(Object.entries(saved.data).filter(([key]) => key !== 'retentionDays'));
    await writeFile(path, JSON.stringify({ schemaVersion: 2, data: older }, null, 2));
    await kit.reopen();
    expect(valueOf(await call(kit.kiosk, 'settings.get', {}, await unlock(kit.kiosk)))).toMatchObject({ retentionDays: 90, lastPurge: null });
    expect(kit.kiosk.health().storage.recoveries).toMatchObject([{ file: 'kiosk.json', action: expect.stringContaining('migrated to schema 3') }]);
    expect(await readdir(join(kit.dataDir, 'backups'))).toEqual([expect.stringMatching(/-v2-kiosk\.json$/)]);
    await kit.kiosk.close();
  });
});
