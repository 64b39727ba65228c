import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileSystem } from '../../src-main/core/store/file-system';
import { faultyFileSystem, type Fault } from '../support/faulty-file-system';
import { call, openTestKiosk, standingAnswer, valueOf } from '../../scripts/fixtures/kiosk';
import { makeTempDir, snapshotFolder } from '../support/temp-dir';
import { openSetUpKiosk } from '../support/staff';

const faults: Fault[] = [
  { code: 'ENOSPC', on: 'write' },
  { code: 'EIO', on: 'write' },
  { code: 'EIO', on: 'sync' },
  { code: 'ENOSPC', on: 'sync' },
];

/** Every stored line, without the spaces the open segment keeps ahead of its lines (see Journal). */
async function answerFiles(dataDir: string): Promise<string> {
  const directory = join(dataDir, 'answers');
  const names = (await readdir(directory)).sort();
  const contents = await Promise.all(names.map((name) => readFile(join(directory, name), 'utf8')));
  return contents.map((content) => content.replace(/ +$/, '')).join('');
}

/** A disk with only `freeBytes` left once the first file is written: any longer write fills it. */
function nearlyFullDisk(base: FileSystem, freeBytes: number): FileSystem {
  let isFull = false;
  return {
    ...base,
    writeSync: (descriptor, buffer, offset, length, position) => {
      if (isFull && length > freeBytes) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      isFull = true;
      return base.writeSync(descriptor, buffer, offset, length, position);
    },
  };
}

describe('disk faults while recording answers', () => {
  it.each(faults)('$code on $on: refused with storage_failed, nothing earlier touched, recovers by itself', async (injected) => {
    const dataDir = await makeTempDir();
    const fault: Fault = { code: null, on: injected.on };
    const kiosk = await openTestKiosk(dataDir, { fileSystem: faultyFileSystem(fault) });
    for (let index = 0; index < 3; index += 1) valueOf(await call(kiosk, 'responses.submit', standingAnswer()));
    const before = await answerFiles(dataDir);

    fault.code = injected.code;
    const refused = await call(kiosk, 'responses.submit', standingAnswer('bad'));
    expect(refused).toMatchObject({ ok: false, error: { code: 'storage_failed' } });
    expect(kiosk.health().answersStored).toBe(3);
    expect(kiosk.health().storage.lastWriteError?.code).toBe(injected.code);
    expect(await answerFiles(dataDir)).toBe(before);

    fault.code = null;
    const next = valueOf(await call(kiosk, 'responses.submit', standingAnswer('very-good')));
    expect(next).toMatchObject({ seq: 4 });
    expect(kiosk.health().storage.lastWriteError).toBeNull();
    await kiosk.close();

    const reopened = await openTestKiosk(dataDir);
    expect(reopened.health().answersStored).toBe(4);
    expect(reopened.health().storage.recoveries).toEqual([]);
    await reopened.close();
  });

  it('on a nearly full disk the next answer is stored as soon as it fits, without waiting for room for the spare run', async () => {
    const dataDir = await makeTempDir();
    const fault: Fault = { code: null, on: 'write' };
    const kiosk = await openTestKiosk(dataDir, { fileSystem: nearlyFullDisk(faultyFileSystem(fault), 4096) });
    valueOf(await call(kiosk, 'responses.submit', standingAnswer()));
    fault.code = 'ENOSPC';
    expect(await call(kiosk, 'responses.submit', standingAnswer('bad'))).toMatchObject({ ok: false, error: { code: 'storage_failed' } });
    // Room for one answer again, far less than the 256 KiB spare run.
    fault.code = null;
    for (let index = 0; index < 5; index += 1) valueOf(await call(kiosk, 'responses.submit', standingAnswer('very-good')));
    expect(kiosk.health().answersStored).toBe(6);
    await kiosk.close();
    const reopened = await openTestKiosk(dataDir);
    expect(reopened.health().answersStored).toBe(6);
    expect(reopened.health().storage.recoveries).toEqual([]);
    await reopened.close();
  });

  it('a read-only data folder refuses new segments without touching the stored ones', async () => {
    const dataDir = await makeTempDir();
    const fault: Fault = { code: null, on: 'open' };
    const kiosk = await openTestKiosk(dataDir, { fileSystem: faultyFileSystem(fault), segmentCapacity: 2 });
    valueOf(await call(kiosk, 'responses.submit', standingAnswer()));
    valueOf(await call(kiosk, 'responses.submit', standingAnswer()));
    // The checkpoint is state derived from the answers, written in the background when a segment
    // is sealed (after the answers that filled it are acknowledged); what must not be touched is what is stored.
    const stored = () => snapshotFolder(dataDir, ['checkpoint']);
    await kiosk.whenAnswersSettled();
    const before = await stored();
    fault.code = 'EROFS';
    expect(await call(kiosk, 'responses.submit', standingAnswer())).toMatchObject({ ok: false, error: { code: 'storage_failed' } });
    expect(await stored()).toEqual(before);
    fault.code = null;
    expect(valueOf(await call(kiosk, 'responses.submit', standingAnswer()))).toMatchObject({ seq: 3 });
    await kiosk.close();
  });

  it('50 answers at once are all stored exactly once with gapless numbers', async () => {
    const dataDir = await makeTempDir();
    const kiosk = await openTestKiosk(dataDir, { segmentCapacity: 16 });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, index) => call(kiosk, 'responses.submit', standingAnswer(index % 2 === 0 ? 'good' : 'bad'))),
    );
    const seqs = results.map((result) => (valueOf(result) as { seq: number }).seq).sort((left, right) => left - right);
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
    await kiosk.close();
    const reopened = await openTestKiosk(dataDir, { segmentCapacity: 16 });
    expect(reopened.health().answersStored).toBe(50);
    const lines = (await answerFiles(dataDir)).trim().split('\n').map((line) => JSON.parse(line) as { response: { seq: number } });
    expect(lines.map((line) => line.response.seq).sort((left, right) => left - right)).toEqual(seqs);
    await reopened.close();
  });
});

describe('disk faults outside the answers', () => {
  it.each(['ENOSPC', 'EROFS'] as const)('%s: a wrong PIN gets storage_failed, not internal, and the count towards the lockout is kept', async (code) => {
    const fault: Fault = { code: null, on: 'write' };
    const kiosk = await openSetUpKiosk(await makeTempDir(), { fileSystem: faultyFileSystem(fault) });
    fault.code = code;
    expect(await call(kiosk, 'staff.unlock', { pin: '000000' })).toMatchObject({ ok: false, error: { code: 'storage_failed' } });
    fault.code = null;
    const next = await call(kiosk, 'staff.unlock', { pin: '000000' });
    expect(next).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(next.ok ? '' : next.error.message).toMatch(/3 tries left/);
    await kiosk.close();
  });
});
