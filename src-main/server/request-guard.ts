import type { IncomingMessage } from 'node:http';

/** Header every API call must carry; a page on another site cannot add it without a CORS preflight we never grant. */
export const clientHeader = 'x-kerro-client';

export type GuardVerdict = { allowed: true } | { allowed: false; status: number; reason: string };

/**
 * Rejects what a hostile web page could send to a server on 127.0.0.1: a foreign Host (DNS
 * rebinding), a foreign Origin, and for the API a missing client header (cross-site requests).
 */
export function checkRequest(request: IncomingMessage, port: number, isApi: boolean): GuardVerdict {
  const allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const host = request.headers.host ?? '';
  if (!allowedHosts.has(host)) return { allowed: false, status: 421, reason: 'Unknown host' };
  const origin = request.headers.origin;
  if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) {
    return { allowed: false, status: 403, reason: 'Foreign origin' };
  }
  if (isApi && request.method === 'POST' && request.headers[clientHeader] !== '1') {
    return { allowed: false, status: 403, reason: 'Missing client header' };
  }
  return { allowed: true };
}
