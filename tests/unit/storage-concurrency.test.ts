import { readdirSync, readFileSync, type Mode, type PathLike } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import * as fs from 'node:fs/promises';
import { request, type IncomingMessage } from 'node:http';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFileSystem, type FileSystem } from '../../src-main/core/store/file-system';
import { startTestServer } from '../support/http-server';
import { openTestKiosk, standingAnswer } from '../../scripts/fixtures/kiosk';
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
function unreadableFiles(dataDir: string): string[] {
  const problems: string[] = [];
  const walk = (directory: string): void => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      const name = relative(dataDir, path);
      if (entry.isDirectory()) {
        walk(path);
        continue;
      }
      const text = readFileSync(path, 'utf8');
      if (entry.name.endsWith('.jsonl')) {
        // The open segment keeps spaces ahead of its lines (see Journal); they are no line.
        const lines = text.replace(/ +$/, '');
        if (lines !== '' && !lines.endsWith('\n')) problems.push(`${name}: ends inside a line`);
        for (const line of lines.split('\n').filter((candidate) => candidate !== '')) {
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
  walk(dataDir);
  return problems;
}

/**
 * Real files, with two things added at the moments that matter. The journal's segment opens
 * only once every request is queued in the store, so all of them are in flight at once. After
 * each write and before its flush (the moment a crash or a reader could catch the store
 * half-done) every file is read back and checked.
 */
function watchingFileSystem(dataDir: string, everyoneQueued: Promise<void>, inspections: string[][]): FileSystem {
  return {
    ...nodeFileSystem,
    open: async (path: PathLike, flags?: string | number, mode?: Mode) => {
      if (String(path).endsWith('.open.jsonl')) await everyoneQueued;
      return fs.open(path, flags, mode);
    },
    writeSync: (descriptor, buffer, offset, length, position) => {
      const written = nodeFileSystem.writeSync(descriptor, buffer, offset, length, position);
      inspections.push(unreadableFiles(dataDir));
      return written;
    },
  };
}

describe('answers arriving at the same moment over HTTP', () => {
  it(`${submits} simultaneous submits are each stored once, gapless, and the files stay readable throughout`, async () => {
    const root = await makeTempDir();
    const dataDir = join(root, 'data');
    let received = 0;
    let letThrough = () => undefined as void;
    const everyoneQueued = new Promise<void>((resolve) => (letThrough = resolve));
    const inspections: string[][] = [];
    const kiosk = await openTestKiosk(dataDir, { fileSystem: watchingFileSystem(dataDir, everyoneQueued, inspections), segmentCapacity: 16 });
    const { server, port } = await startTestServer(kiosk, join(root, 'renderer'));
    // Once the last body is in, the store has every answer queued by the end of this turn of the event loop.
    server.on('request', (incoming: IncomingMessage) =>
      incoming.on('end', () => {
        received += 1;
        if (received === submits) setImmediate(letThrough);
      }),
    );

    const results = await Promise.all(Array.from({ length: submits }, (_, index) => submit(port, index % 2 === 0 ? 'good' : 'bad')));
    server.close();
    await kiosk.close();

    expect(results.map((result) => result.status)).toEqual(results.map(() => 200));
    const acknowledged = results.map((result) => result.body.value ?? { responseId: '', seq: 0 });
    expect(acknowledged.map((answer) => answer.seq).sort((left, right) => left - right)).toEqual(Array.from({ length: submits }, (_, index) => index + 1));
    expect(new Set(acknowledged.map((answer) => answer.responseId)).size).toBe(submits);
    // Group commit: answers queued together share a write, and the files were read back after every write.
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
