import { readdir, readFile } from 'node:fs/promises';
import * as fs from 'node:fs/promises';
import type { Mode, PathLike } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { request } from 'node:http';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFileSystem, type FileSystem } from '../../src-main/core/store/file-system';
import { startTestServer } from '../support/http-server';
import { openTestKiosk, standingAnswer } from '../support/kiosk';
import { makeTempDir } from '../support/temp-dir';

const submits = 50;

interface Submitted {
  status: number;
  body: { ok: boolean; value?: { responseId: string; seq: number } };
}

/** One POST on its own connection, so all of them can be open at once. */
function submit(port: number, optionId: string): Promise<Submitted> {
  const body = JSON.stringify(standingAnswer(optionId));
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/responses.submit',
        method: 'POST',
        agent: false,
        headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json', 'x-kerro-client': '1' },
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Submitted['body'] }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** Reads every file of the store the way a restart would, and lists what could not be read. */
async function unreadableFiles(dataDir: string): Promise<string[]> {
  const problems: string[] = [];
  const walk = async (directory: string): Promise<void> => {
    for (const entry of await readdir(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      const name = relative(dataDir, path);
      if (entry.isDirectory()) {
        await walk(path);
        continue;
      }
      const text = await readFile(path, 'utf8');
      if (entry.name.endsWith('.jsonl')) {
        if (text !== '' && !text.endsWith('\n')) problems.push(`${name}: ends inside a line`);
        for (const line of text.split('\n').filter((candidate) => candidate !== '')) {
          try {
            JSON.parse(line);
          } catch {
            problems.push(`${name}: a line is not JSON`);
          }
        }
      } else if (entry.name.endsWith('.json') || entry.name.endsWith('.bak')) {
        try {
          JSON.parse(text);
        } catch {
          problems.push(`${name}: not JSON`);
        }
      }
    }
  };
  await walk(dataDir);
  return problems;
}

/**
 * Real files, with two things added at the moments that matter. Before the first write the
 * store waits until every request has reached the server, so all of them are in flight at once.
 * After each write and before its flush (the moment a crash or a reader could catch the store
 * half-done) every file is read back and checked.
 */
function watchingFileSystem(dataDir: string, everyoneArrived: Promise<void>, inspections: string[][]): FileSystem {
  const watch = (handle: FileHandle): FileHandle =>
    new Proxy(handle, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        if (property === 'write') {
          return async (...args: Parameters<FileHandle['write']>) => {
            await everyoneArrived;
            const written = await target.write(...args);
            inspections.push(await unreadableFiles(dataDir));
            return written;
          };
        }
        return value.bind(target);
      },
    });
  return {
    ...nodeFileSystem,
    open: async (path: PathLike, flags?: string | number, mode?: Mode) => watch(await fs.open(path, flags, mode)),
  };
}

describe('answers arriving at the same moment over HTTP', () => {
  it(`${submits} simultaneous submits are each stored once, gapless, and the files stay readable throughout`, async () => {
    const root = await makeTempDir();
    const dataDir = join(root, 'data');
    let arrived = 0;
    let letThrough = () => undefined as void;
    const everyoneArrived = new Promise<void>((resolve) => (letThrough = resolve));
    const inspections: string[][] = [];
    const kiosk = await openTestKiosk(dataDir, { fileSystem: watchingFileSystem(dataDir, everyoneArrived, inspections), segmentCapacity: 16 });
    const { server, port } = await startTestServer(kiosk, join(root, 'renderer'));
    server.on('request', () => {
      arrived += 1;
      if (arrived === submits) letThrough();
    });

    const results = await Promise.all(Array.from({ length: submits }, (_, index) => submit(port, index % 2 === 0 ? 'good' : 'bad')));
    server.close();
    await kiosk.close();

    expect(results.map((result) => result.status)).toEqual(results.map(() => 200));
    const acknowledged = results.map((result) => result.body.value ?? { responseId: '', seq: 0 });
    expect(acknowledged.map((answer) => answer.seq).sort((left, right) => left - right)).toEqual(Array.from({ length: submits }, (_, index) => index + 1));
    expect(new Set(acknowledged.map((answer) => answer.responseId)).size).toBe(submits);
    // Group commit: fewer writes than answers, and the files were read back after every one.
    expect(inspections.length).toBeGreaterThan(0);
    expect(inspections.length).toBeLessThan(submits);
    expect(inspections.flat()).toEqual([]);

    const reopened = await openTestKiosk(dataDir, { segmentCapacity: 16 });
    expect(reopened.health()).toMatchObject({ answersStored: submits, storage: { recoveries: [] } });
    await reopened.close();
    const directory = join(dataDir, 'answers');
    const stored: { responseId: string; seq: number }[] = [];
    for (const name of (await readdir(directory)).sort()) {
      for (const line of (await readFile(join(directory, name), 'utf8')).split('\n').filter((text) => text !== '')) {
        const { response } = JSON.parse(line) as { response: { id: string; seq: number } };
        stored.push({ responseId: response.id, seq: response.seq });
      }
    }
    expect(stored.map((answer) => answer.seq)).toEqual(Array.from({ length: submits }, (_, index) => index + 1));
    expect(stored.map((answer) => answer.responseId).sort()).toEqual(acknowledged.map((answer) => answer.responseId).sort());
  });
});
