import { Agent, request as httpRequest } from 'node:http';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methodNames, methods } from '../../src-shared/contract/methods';
import { errorCodes } from '../../src-shared/contract/result';
import type { Kiosk } from '../../src-main/core/kiosk';
import { startTestServer } from '../support/http-server';
import { openTestKiosk } from '../../scripts/fixtures/kiosk';
import { makeTempDir, snapshotFolder } from '../support/temp-dir';

// A thousand per method in every run keeps the suite inside CI's time; KERRO_API_RUNS=10000 (or
// more) runs the deep sweep before a release (docs/testing.md).
const runsPerMethod = runsFromEnvironment(process.env.KERRO_API_RUNS, 1_000);
const agent = new Agent({ keepAlive: true, maxSockets: 8 });

let kiosk: Kiosk;
let dataDir: string;
let port: number;
let close: () => Promise<void>;

beforeAll(async () => {
  dataDir = await makeTempDir();
  kiosk = await openTestKiosk(dataDir);
  const started = await startTestServer(kiosk, join(await makeTempDir(), 'renderer'));
  port = started.port;
  close = async () => {
    agent.destroy();
    started.server.close();
    await kiosk.close();
  };
});

afterAll(() => close());

function runsFromEnvironment(value: string | undefined, fallback: number): number {
  const runs = Number(value);
  return Number.isSafeInteger(runs) && runs > 0 ? runs : fallback;
}

function post(method: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: '127.0.0.1',
        port,
        agent,
        path: `/api/${method}`,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-kerro-client': '1' },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** Mostly plausible shapes (the method's own keys with wrong values), some plain junk. */
function inputFor(method: (typeof methodNames)[number]): fc.Arbitrary<unknown> {
  const keys = Object.keys(methods[method].input.shape);
  const nearMiss =
    keys.length === 0
      ? fc.dictionary(fc.string({ minLength: 1 }), fc.jsonValue(), { minKeys: 1 })
      : fc.record(Object.fromEntries(keys.map((key) => [key, fc.oneof(fc.jsonValue(), fc.string(), fc.array(fc.string()))])), {
          requiredKeys: [],
        });
  return fc.oneof(fc.jsonValue(), nearMiss, fc.anything({ withNullPrototype: true, withObjectString: true }));
}

describe(`${runsPerMethod} random inputs per method over HTTP`, () => {
  it.each(methodNames)('%s: no crash, a typed answer every time, nothing stored', async (method) => {
    const before = await snapshotFolder(join(dataDir, 'answers')).catch(() => new Map());
    const codes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(inputFor(method), async (input) => {
        const body = JSON.stringify(input) ?? 'null';
        const response = await post(method, body);
        const envelope = JSON.parse(response.body) as { ok: boolean; error?: { code: string } };
        if (envelope.ok) {
          // Only methods that store nothing may accept what the generator made up.
          expect(method === 'responses.submit' || method === 'responses.followUp').toBe(false);
          return;
        }
        expect(response.status).toBeLessThan(500);
        expect(errorCodes).toContain(envelope.error?.code);
        codes.add(envelope.error?.code ?? '');
      }),
      { numRuns: runsPerMethod },
    );
    expect(codes.size).toBeGreaterThan(0);
    expect(kiosk.health().answersStored).toBe(0);
    expect(await snapshotFolder(join(dataDir, 'answers')).catch(() => new Map())).toEqual(before);
  });
});
