import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src-main/core/content-security-policy';

const directives = (policy: string) => policy.split(';').map((directive) => directive.trim()).filter((directive) => directive !== '');

describe('content security policy', () => {
  it('allows nothing from outside the app and no eval or inline code, only WebAssembly for the offline voice', () => {
    expect(contentSecurityPolicy).toContain("default-src 'none'");
    expect(directives(contentSecurityPolicy)).toContain("script-src 'self' 'wasm-unsafe-eval'");
    const withoutWasm = contentSecurityPolicy.replaceAll("'wasm-unsafe-eval'", '');
    expect(withoutWasm).not.toMatch(/unsafe|https?:|\*/);
    expect(directives(contentSecurityPolicy)).toContain("frame-ancestors 'none'");
  });

  it('is repeated word for word in the page, less what only a header can say', async () => {
    const html = await readFile(join(import.meta.dirname, '..', '..', 'src-renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    const headerOnly = (directive: string) => directive.startsWith('frame-ancestors');
    expect(directives(meta)).toEqual(directives(contentSecurityPolicy).filter((directive) => !headerOnly(directive)));
  });
});
