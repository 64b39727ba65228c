// Resolve hook for the runtime bench's Node 20 runs: better-sqlite3 in node_modules is built for
// Node 24's ABI, so under Node 20 the same version, built for Node 20 in a folder of its own
// (KERRO_NODE_20_MODULES), is loaded instead. Everything else resolves as usual.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export async function resolve(specifier, context, nextResolve) {
  const folder = process.env.KERRO_NODE_20_MODULES;
  if (specifier === 'better-sqlite3' && folder !== undefined) {
    return { url: pathToFileURL(join(folder, 'node_modules', 'better-sqlite3', 'lib', 'index.js')).href, shortCircuit: true, format: 'commonjs' };
  }
  return nextResolve(specifier, context);
}
