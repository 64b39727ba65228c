/**
 * The one Content-Security-Policy for every screen, sent by the browser shell as a header and
 * set by the Electron shell on its session. Nothing is loaded from anywhere but the app itself.
 * 'wasm-unsafe-eval' lets the page and its workers compile WebAssembly (the bundled offline voice,
 * eSpeak NG, is WebAssembly); it allows no JavaScript eval and no inline script.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
