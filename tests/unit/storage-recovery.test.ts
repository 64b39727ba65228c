import { appendFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openDocument } from '../../src-main/core/store/document';
import { nodeFileSystem } from '../../src-main/core/store/file-system';
import { StoreContext } from '../../src-main/core/store/store-context';
import { silentLogger } from '../../src-main/core/logger';
import { call, openTestKiosk, standingAnswer, valueOf } from '../../scripts/fixtures/kiosk';
import { makeTempDir } from '../support/temp-dir';

type Damage = (text: string) => string;

const damages: Record<string, Damage> = {
  truncated: (text) => text.slice(0, Math.floor(text.length / 2)),
  'garbage bytes': () => '\u0000\u0000\u00ff{{not json at all',
  empty: () => '',
  'wrong shape': () => JSON.stringify({ schemaVersion: 1, data: { hello: 'world' } }),
  'newer version': (text) => text.replace(/"schemaVersion": \d+/, '"schemaVersion": 99'),
};

async function quarantined(dataDir: string): Promise<string[]> {
  return readdir(join(dataDir, 'quarantine'));
}

/** Opens a kiosk, records answers, closes it: a store with history and previous copies. */
async function storeWithHistory(): Promise<{ dataDir: string; kioskId: string }> {
  const dataDir = await makeTempDir();
  for (let round = 0; round < 2; round += 1) {
    const kiosk = await openTestKiosk(dataDir);
    valueOf(await call(kiosk, 'responses.submit', standingAnswer()));
    await kiosk.close();
  }
  const kiosk = await openTestKiosk(dataDir);
  const kioskId = kiosk.health().kioskId;
  await kiosk.close();
  return { dataDir, kioskId };
}

describe('recovery of damaged documents', () => {
  for (const fileName of ['kiosk.json', 'polls.json']) {
    for (const [kind, damage] of Object.entries(damages)) {
      it(`${fileName}, ${kind}: quarantined, last good copy used, reported`, async () => {
        const { dataDir, kioskId } = await storeWithHistory();
        const path = join(dataDir, fileName);
        const damaged = damage(await readFile(path, 'utf8'));
        await writeFile(path, damaged);

        const kiosk = await openTestKiosk(dataDir);
        const health = kiosk.health();
        expect(health.kioskId).toBe(kioskId);
        expect(health.answersStored).toBe(2);
        expect(health.storage.quarantined).toBe(1);
        expect(health.storage.recoveries).toEqual([
          expect.objectContaining({ file: fileName, action: 'restored the previous good copy' }),
        ]);
        const [kept] = await quarantined(dataDir);
        expect(kept).toContain(fileName);
        expect(await readFile(join(dataDir, 'quarantine', kept ?? ''), 'utf8')).toBe(damaged);
        const polls = valueOf(await call(kiosk, 'polls.active', {})) as { polls: { id: string }[] };
        expect(polls.polls.map((poll) => poll.id)).toEqual(['council-feedback', 'children-playing']);
        expect(valueOf(await call(kiosk, 'responses.submit', standingAnswer()))).toMatchObject({ seq: 3 });
        await kiosk.close();
      });
    }
  }

  it('keeps the kiosk id its answers carry when the settings and their copy are both lost', async () => {
    const { dataDir, kioskId } = await storeWithHistory();
    await writeFile(join(dataDir, 'kiosk.json'), '{');
    await writeFile(join(dataDir, 'kiosk.json.bak'), '');
    const kiosk = await openTestKiosk(dataDir);
    expect(kiosk.health().kioskId).toBe(kioskId);
    expect(kiosk.health().storage.quarantined).toBe(2);
    expect(kiosk.health().storage.recoveries.map((recovery) => recovery.action)).toContain(`kept kiosk id ${kioskId} from the stored answers`);
    await kiosk.close();
  });
});

describe('recovery of the answer journal', () => {
  it('drops a torn last line that was never acknowledged and keeps its bytes', async () => {
    const dataDir = await makeTempDir();
    const kiosk = await openTestKiosk(dataDir);
    for (let index = 0; index < 3; index += 1) valueOf(await call(kiosk, 'responses.submit', standingAnswer()));
    await kiosk.close();
    const segment = join(dataDir, 'answers', '000001.open.jsonl');
    await appendFile(segment, '{"v":1,"type":"response","response":{"id":"5c4');

    const reopened = await openTestKiosk(dataDir);
    expect(reopened.health().answersStored).toBe(3);
    expect(reopened.health().storage.recoveries).toEqual([
      expect.objectContaining({ file: '000001.open.jsonl', problem: 'torn last line (never acknowledged)' }),
    ]);
    const [kept] = await quarantined(dataDir);
    expect(await readFile(join(dataDir, 'quarantine', kept ?? ''), 'utf8')).toBe('{"v":1,"type":"response","response":{"id":"5c4');
    expect(valueOf(await call(reopened, 'responses.submit', standingAnswer()))).toMatchObject({ seq: 4 });
    await reopened.close();
    expect((await readFile(segment, 'utf8')).trim().split('\n')).toHaveLength(4);
  });

  it('cuts a line torn inside the reserve, keeps its bytes, and writes the next answer where the lines end', async () => {
    const dataDir = await makeTempDir();
    const kiosk = await openTestKiosk(dataDir);
    for (let index = 0; index < 3; index += 1) valueOf(await call(kiosk, 'responses.submit', standingAnswer()));
    await kiosk.close();
    const segment = join(dataDir, 'answers', '000001.open.jsonl');
    const before = await readFile(segment);
    const linesEnd = before.lastIndexOf(0x0a) + 1;
    expect(before.subarray(linesEnd).every((byte) => byte === 0x20)).toBe(true);
    expect(before.length - linesEnd).toBeGreaterThan(1000);
    // A crash in the middle of a write: part of a line over the spaces, the rest of them intact.
    const torn = Buffer.from('{"v":1,"type":"response","response":{"id":"9a1');
    torn.copy(before, linesEnd);
    await writeFile(segment, before);

    const reopened = await openTestKiosk(dataDir);
    expect(reopened.health().answersStored).toBe(3);
    expect(reopened.health().storage.recoveries).toEqual([
      expect.objectContaining({ file: '000001.open.jsonl', problem: 'torn last line (never acknowledged)' }),
    ]);
    const [kept] = await quarantined(dataDir);
    expect(await readFile(join(dataDir, 'quarantine', kept ?? ''))).toEqual(torn);
    expect(valueOf(await call(reopened, 'responses.submit', standingAnswer()))).toMatchObject({ seq: 4 });
    await reopened.close();
    const lines = (await readFile(segment, 'utf8')).trimEnd().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as { response: { seq: number } }).response.seq)).toEqual([1, 2, 3, 4]);
    const again = await openTestKiosk(dataDir);
    expect(again.health().storage.recoveries).toEqual([]);
    await again.close();
  });

  for (const [kind, line] of Object.entries({
    'garbage bytes': '\u0000\u0001garbage',
    'wrong shape': '{"v":1,"type":"response","response":{"seq":"two"}}',
    'newer version': '{"v":2,"type":"response","response":{}}',
    empty: '',
  })) {
    it(`a damaged line inside a sealed segment (${kind}) is reported and the good lines kept`, async () => {
      const dataDir = await makeTempDir();
      const kiosk = await openTestKiosk(dataDir, { segmentCapacity: 4 });
      for (let index = 0; index < 6; index += 1) valueOf(await call(kiosk, 'responses.submit', standingAnswer()));
      await kiosk.close();
      const sealed = join(dataDir, 'answers', '000001.jsonl');
      const lines = (await readFile(sealed, 'utf8')).split('\n');
      lines.splice(1, 1, line);
      await writeFile(sealed, lines.join('\n'));

      const reopened = await openTestKiosk(dataDir, { segmentCapacity: 4 });
      const health = reopened.health();
      expect(health.answersStored).toBe(5);
      expect(health.storage.quarantined).toBe(1);
      expect(health.storage.recoveries.map((recovery) => recovery.problem)).toEqual([
        '1 damaged line(s)',
        '1 sequence number(s) missing',
      ]);
      expect(valueOf(await call(reopened, 'responses.submit', standingAnswer()))).toMatchObject({ seq: 7 });
      await reopened.close();
    });
  }

  it('seals full segments and never rewrites them', async () => {
    const dataDir = await makeTempDir();
    const kiosk = await openTestKiosk(dataDir, { segmentCapacity: 5 });
    for (let index = 0; index < 12; index += 1) valueOf(await call(kiosk, 'responses.submit', standingAnswer()));
    const answers = join(dataDir, 'answers');
    expect((await readdir(answers)).sort()).toEqual(['000001.jsonl', '000002.jsonl', '000003.open.jsonl']);
    const sealed = await readFile(join(answers, '000001.jsonl'), 'utf8');
    // Five whole lines and nothing else: the reserve the open segment kept is cut off on sealing.
    expect(sealed.split('\n').map((line) => (line === '' ? '' : (JSON.parse(line) as { type: string }).type))).toEqual([
      ...Array.from({ length: 5 }, () => 'response'),
      '',
    ]);
    for (let index = 0; index < 8; index += 1) valueOf(await call(kiosk, 'responses.submit', standingAnswer()));
    await kiosk.close();
    expect(await readFile(join(answers, '000001.jsonl'), 'utf8')).toBe(sealed);
    const reopened = await openTestKiosk(dataDir, { segmentCapacity: 5 });
    expect(reopened.health()).toMatchObject({ answersStored: 20, storage: { segments: 4, recoveries: [] } });
    await reopened.close();
  });
});

describe('schema versions', () => {
  it('migrates an older document after keeping a backup of it', async () => {
    const dataDir = await makeTempDir();
    const context = new StoreContext(dataDir, nodeFileSystem, () => new Date('2026-11-29T10:00:00Z'), silentLogger);
    await context.prepare();
    const original = JSON.stringify({ schemaVersion: 1, data: { minutes: 2 } });
    await writeFile(join(dataDir, 'timer.json'), original);
    const spec = {
      fileName: 'timer.json',
      schemaVersion: 2,
      schema: z.object({ seconds: z.number() }),
      migrations: { 1: (data: unknown) => ({ seconds: z.object({ minutes: z.number() }).parse(data).minutes * 60 }) },
    };
    const { document, isNew } = await openDocument(context, spec, () => ({ seconds: 0 }));
    expect(isNew).toBe(false);
    expect(document.data).toEqual({ seconds: 120 });
    expect(JSON.parse(await readFile(join(dataDir, 'timer.json'), 'utf8'))).toEqual({ schemaVersion: 2, data: { seconds: 120 } });
    const backups = await readdir(join(dataDir, 'backups'));
    expect(backups).toHaveLength(1);
    expect(await readFile(join(dataDir, 'backups', backups[0] ?? ''), 'utf8')).toBe(original);
    expect(context.recoveries).toEqual([expect.objectContaining({ action: 'migrated to schema 2, backup kept' })]);
  });
});
