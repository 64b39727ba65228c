import { extname, join, normalize, sep } from 'node:path';
import { appOrigin } from './security';

/**
 * Maps a `kerro://app/...` URL to a file inside the built screens folder, or null when the URL
 * is foreign or tries to climb out of that folder.
 */
export function resolveAppFile(rendererRoot: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (`${parsed.protocol}//${parsed.host}` !== appOrigin) return null;
  const relative = decodeURIComponent(parsed.pathname === '/' ? '/index.html' : parsed.pathname);
  if (relative.includes('\0')) return null;
  const path = normalize(join(rendererRoot, relative));
  if (!path.startsWith(normalize(rendererRoot) + sep)) return null;
  return extname(path) === '' ? null : path;
}
