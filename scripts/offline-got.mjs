// Preloaded into the security scanner: its only network use is fetching fresh translations and
// Electron's release list, which an offline build cannot reach, and the HTTP client it bundles
// crashes on Node 24 when its retry timer fires after the request already failed. Answering
// "offline" at once keeps the scan's findings unchanged (it falls back to its own en-US texts).
import Module from 'node:module';

const load = Module._load;
Module._load = function loadOffline(request, parent, isMain) {
  if (request === 'got') {
    return () => Promise.reject(new Error('offline: the security scan makes no network requests'));
  }
  return load.call(this, request, parent, isMain);
};
