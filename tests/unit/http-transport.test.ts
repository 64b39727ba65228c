import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methodNames } from '../../src-shared/contract/methods';
import type { Kiosk } from '../../src-main/core/kiosk';
import { startTestServer } from '../support/http-server';
import { openTestKiosk, standingAnswer } from '../../scripts/fixtures/kiosk';
import { makeTempDir } from '../support/temp-dir';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let kiosk: Kiosk;
let port: number;
let close: () => Promise<void>;

beforeAll(async () => {
  const dataDir = await makeTempDir();
  kiosk = await openTestKiosk(dataDir);
  const started = await startTestServer(kiosk, join(dataDir, 'renderer'));
  port = started.port;
  close = async () => {
    started.server.close();
    await kiosk.close();
  };
});

afterAll(() => close());

/** A raw request, so tests can send the headers a browser would refuse to. */
function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...options.headers } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

const apiHeaders = { 'content-type': 'application/json', 'x-kerro-client': '1' };
const post = (method: string, body: unknown, headers: Record<string, string> = apiHeaders) =>
  send(`/api/${method}`, { method: 'POST', headers, body: JSON.stringify(body) });

describe('the browser shell API', () => {
  it('answers a call with the envelope', async () => {
    const response = await post('polls.active', {});
    expect(response.status).toBe(200);
    const body: unknown = JSON.parse(response.body);
    expect(body).toMatchObject({ ok: true, value: { polls: expect.arrayContaining([expect.objectContaining({ id: 'council-feedback' })]) } });
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it("tells the browser the kiosk's own share of a call's time (Server-Timing)", async () => {
    const response = await post('polls.active', {});
    expect(response.status).toBe(200);
    expect(response.headers['server-timing']).toMatch(/^handle;dur=\d+\.\d{2}$/);
  });

  it('answers a bad input with the same typed error as IPC would, and stores nothing', async () => {
    const before = kiosk.health().answersStored;
    const response = await post('responses.submit', { ...standingAnswer(), language: 'klingon' });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'language' }] } });
    expect(kiosk.health().answersStored).toBe(before);
  });

  it('refuses a body that is not valid UTF-8 with 400, never repairing it, and stores nothing', async () => {
    const before = kiosk.health().answersStored;
    const json = Buffer.from(JSON.stringify({ ...standingAnswer(), language: 'fi' }));
    // A lone continuation byte inside the language string: a decoder that repairs would make it U+FFFD.
    const broken = Buffer.concat([json.subarray(0, json.length - 3), Buffer.from([0x80]), json.subarray(json.length - 3)]);
    const response = await send('/api/responses.submit', { method: 'POST', headers: apiHeaders, body: broken });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'The body is not valid UTF-8' } });
    expect(kiosk.health().answersStored).toBe(before);
  });

  it('answers a malformed address with 400, not 500', async () => {
    const response = await send('/api/%E0%A4%A', { method: 'POST', headers: apiHeaders, body: '{}' });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('serves health for monitoring at GET /api/health', async () => {
    await post('responses.submit', standingAnswer());
    const body = JSON.parse((await send('/api/health')).body) as { ok: boolean; value: Record<string, unknown> };
    expect(body.ok).toBe(true);
    expect(body.value).toMatchObject({ kioskId: kiosk.health().kioskId, version: '0.0.0-test', answersStored: 1, unexported: 1 });
  });

  it('lists every method with its JSON Schemas and whether it needs staff', async () => {
    const body = JSON.parse((await send('/api')).body) as { value: { methods: { name: string; staff: boolean; input: object; output: object }[] } };
    expect(body.value.methods.map((method) => method.name)).toEqual(methodNames);
    const submit = body.value.methods.find((method) => method.name === 'responses.submit');
    expect(submit).toMatchObject({ staff: false, input: { type: 'object', required: expect.arrayContaining(['pollId', 'answer']) } });
  });

  it.each([
    ['a foreign Host (DNS rebinding)', { ...apiHeaders, host: 'evil.example:80' }, 421],
    ['a foreign Origin', { ...apiHeaders, origin: 'http://evil.example' }, 403],
    ['no client header (cross-site form)', { 'content-type': 'application/json' }, 403],
    ['a body that is not JSON', { ...apiHeaders, 'content-type': 'text/plain' }, 415],
  ])('refuses %s and stores nothing', async (_name, headers, status) => {
    const before = kiosk.health().answersStored;
    const response = await post('responses.submit', standingAnswer(), headers);
    expect(response.status).toBe(status);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false });
    expect(kiosk.health().answersStored).toBe(before);
  });

  it('refuses an oversize body with 413', async () => {
    const response = await send('/api/responses.submit', { method: 'POST', headers: apiHeaders, body: Buffer.alloc(200_000, 0x20) });
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'too_large' } });
  });

  it('refuses broken JSON and unknown methods with typed errors', async () => {
    const broken = await send('/api/responses.submit', { method: 'POST', headers: apiHeaders, body: '{"pollId":' });
    expect(JSON.parse(broken.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const unknown = await post('answers.deleteAll', {});
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });
});

describe('the browser shell screens', () => {
  it('serves pages compressed, with a strict CSP and cache rules by kind', async () => {
    const page = await send('/', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(page.status).toBe(200);
    expect(page.headers['content-encoding']).toBe('br');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(String(page.headers['content-security-policy']).replaceAll("'wasm-unsafe-eval'", '')).not.toContain('unsafe');
    const script = await send('/assets/index-abc123.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(script.headers['content-encoding']).toBe('gzip');
    expect(script.headers['cache-control']).toContain('immutable');
  });

  it('serves the build\'s precompressed file as it is, and never its sibling as a page', async () => {
    const script = await send('/assets/pre-1.js', { headers: { 'accept-encoding': 'br' } });
    expect(script.headers['content-encoding']).toBe('br');
    const raw = await new Promise<Buffer>((resolve, reject) => {
      httpRequest({ host: '127.0.0.1', port, path: '/assets/pre-1.js', headers: { host: `127.0.0.1:${port}`, 'accept-encoding': 'br' } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve(Buffer.concat(chunks)));
      }).on('error', reject).end();
    });
    expect(brotliDecompressSync(raw).toString('utf8')).toMatch(/^\/\*precompressed\*\//);
    expect((await send('/assets/pre-1.js.br')).status).toBe(404);
  });

  it('answers unknown paths and path tricks with 404', async () => {
    for (const path of ['/nope', '/../package.json', '/%2e%2e/package.json', '/assets/../../etc/passwd']) {
      expect((await send(path)).status).toBe(404);
    }
  });
});
