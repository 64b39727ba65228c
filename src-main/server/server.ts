import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { toJSONSchema, z } from 'zod';
import { methodNames, methods } from '../../src-shared/contract/methods';
import { fail, ok, type ErrorCode, type Result } from '../../src-shared/contract/result';
import { resultSchema } from '../../src-shared/contract/result-schema';
import { dispatch } from '../core/api/dispatch';
import { contentSecurityPolicy } from '../core/content-security-policy';
import type { Kiosk } from '../core/kiosk';
import { checkRequest } from './request-guard';
import { pickEncoding, type StaticFile } from './static-files';

/** Answers and inputs are small; anything bigger is a mistake or an attack. */
export const bodyLimitBytes = 64 * 1024;

const statusOf: Record<ErrorCode, number> = {
  invalid_input: 400,
  unknown_method: 404,
  not_found: 404,
  conflict: 409,
  not_active: 409,
  storage_failed: 503,
  unauthorized: 401,
  locked_out: 429,
  forbidden: 403,
  too_large: 413,
  internal: 500,
};

const securityHeaders = {
  'content-security-policy': contentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), usb=(), payment=()',
};

export interface ServerOptions {
  kiosk: Kiosk;
  files: Map<string, StaticFile>;
}

export function createKerroServer(options: ServerOptions): Server {
  const listing = describeMethods();
  return createServer((request, response) => {
    handle(options, listing, request, response).catch((error: unknown) => {
      options.kiosk.logger.error('http.failed', { message: String(error) });
      if (!response.headersSent) sendResult(response, fail('internal', 'Something went wrong inside the kiosk'));
    });
  });
}

async function handle(
  options: ServerOptions,
  listing: unknown,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const receivedAt = performance.now();
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const isApi = url.pathname === '/api' || url.pathname.startsWith('/api/');
  // Host and Origin are checked against the port this very connection came in on.
  const verdict = checkRequest(request, request.socket.localPort ?? 0, isApi);
  if (!verdict.allowed) {
    request.resume();
    sendResult(response, fail('forbidden', verdict.reason), verdict.status);
    return;
  }
  if (!isApi) {
    serveFile(options.files, url.pathname, request, response);
    return;
  }
  if (request.method === 'GET' && url.pathname === '/api') {
    sendResult(response, ok(listing));
    return;
  }
  if (request.method === 'GET' && url.pathname === '/api/health') {
    sendResult(response, await callMethod(options.kiosk, 'kiosk.health', {}));
    return;
  }
  if (request.method !== 'POST') {
    request.resume();
    sendResult(response, fail('unknown_method', 'API methods are called with POST'), 405);
    return;
  }
  if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
    request.resume();
    sendResult(response, fail('invalid_input', 'The body must be JSON'), 415);
    return;
  }
  const body = await readBody(request);
  if (body === null) {
    sendResult(response, fail('too_large', `The body is larger than ${bodyLimitBytes} bytes`));
    return;
  }
  let text: string;
  try {
    text = strictUtf8.decode(body);
  } catch {
    // Repairing it with U+FFFD would store something the parent never wrote.
    sendResult(response, fail('invalid_input', 'The body is not valid UTF-8'));
    return;
  }
  let input: unknown;
  try {
    input = body.length === 0 ? {} : JSON.parse(text);
  } catch {
    sendResult(response, fail('invalid_input', 'The body is not valid JSON'));
    return;
  }
  const method = decodeMethod(url.pathname.slice('/api/'.length));
  if (method === null) {
    sendResult(response, fail('invalid_input', 'The address is not a valid method name'));
    return;
  }
  const result = await callMethod(options.kiosk, method, input, request.headers['x-kerro-staff-token']);
  sendResult(response, result, undefined, performance.now() - receivedAt);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function decodeMethod(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}

function callMethod(kiosk: Kiosk, method: string, input: unknown, staffToken?: string | string[]): Promise<Result<unknown>> {
  const token = typeof staffToken === 'string' ? staffToken : null;
  return dispatch(kiosk, method, input, { transport: 'http', staffToken: token });
}

/** Reads at most the body limit; past it the rest is drained unread and null is returned. */
function readBody(request: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let isTooLarge = Number(request.headers['content-length'] ?? 0) > bodyLimitBytes;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > bodyLimitBytes) isTooLarge = true;
      if (!isTooLarge) chunks.push(chunk);
    });
    request.on('end', () => resolve(isTooLarge ? null : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/**
 * `handledMs`, the time from the request's arrival to its answer (body, validation, the method,
 * and for an answer its fdatasync), goes out as Server-Timing: the page's resource timing can then
 * tell the kiosk's share of a call from the browser's and the network's.
 */
function sendResult(response: ServerResponse, result: Result<unknown>, status?: number, handledMs?: number): void {
  const body = JSON.stringify(result);
  response.writeHead(status ?? (result.ok ? 200 : statusOf[result.error.code]), {
    ...securityHeaders,
    ...(handledMs === undefined ? {} : { 'server-timing': `handle;dur=${handledMs.toFixed(2)}` }),
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}

function serveFile(files: Map<string, StaticFile>, pathname: string, request: IncomingMessage, response: ServerResponse): void {
  request.resume();
  const file = files.get(pathname === '/' ? '/index.html' : pathname);
  if (file === undefined || (request.method !== 'GET' && request.method !== 'HEAD')) {
    response.writeHead(404, { ...securityHeaders, 'content-type': 'text/plain; charset=utf-8' });
    response.end('Not found');
    return;
  }
  const { body, encoding } = pickEncoding(file, String(request.headers['accept-encoding'] ?? ''));
  response.writeHead(200, {
    ...securityHeaders,
    'content-type': file.contentType,
    'content-length': body.length,
    'cache-control': file.isImmutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    vary: 'accept-encoding',
    ...(encoding === null ? {} : { 'content-encoding': encoding }),
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}

function describeMethods() {
  return {
    envelope: toJSONSchema(resultSchema(z.unknown()), { unrepresentable: 'any' }),
    methods: methodNames.map((name) => {
      const definition = methods[name];
      return {
        name,
        path: `/api/${name}`,
        summary: definition.summary,
        staff: definition.staff,
        input: toJSONSchema(definition.input, { io: 'input', unrepresentable: 'any' }),
        output: toJSONSchema(definition.output, { io: 'output', unrepresentable: 'any' }),
      };
    }),
  };
}
