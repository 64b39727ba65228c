import { createHash } from 'node:crypto';
import { basename, join } from 'node:path';
import { drawingFileName, drawingFilePattern, drawingSvg } from '../../../src-shared/contract/drawing';
import { exportManifestSchema, manifestFileName, type ExportManifest } from '../../../src-shared/contract/batch-format';
import { nodeFileSystem, type FileSystem } from '../store/file-system';
import { BatchFormatError, scanBatchFile } from '../batches/batch-file';
import { exportFolderName, incompleteSuffix } from './folder-name';
import { hashFile } from '../store/hashing-writer';

export interface FolderCheck {
  path: string;
  manifest: ExportManifest | null;
  problems: string[];
  warnings: string[];
}

export interface ChainCheck {
  kioskId: string;
  batches: number[];
  problems: string[];
  warnings: string[];
}

export interface VerifyReport {
  folders: FolderCheck[];
  chains: ChainCheck[];
  isOk: boolean;
}

const manifestLimitBytes = 1024 * 1024;

/**
 * Checks export folders as a coordinator receives them: each file against the manifest's hash,
 * `responses.json` against the batch hash and the canonical layout, the manifest against the
 * batch inside; then, per kiosk, that the batches form one unbroken chain with no gaps.
 */
export async function verifyExportFolders(paths: readonly string[], fileSystem: FileSystem = nodeFileSystem): Promise<VerifyReport> {
  const folders: FolderCheck[] = [];
  for (const path of paths) folders.push(await checkFolder(fileSystem, path));
  const chains = checkChains(folders.filter((folder) => folder.problems.length === 0));
  const isOk = folders.every((folder) => folder.problems.length === 0) && chains.every((chain) => chain.problems.length === 0);
  return { folders, chains, isOk };
}

async function checkFolder(fileSystem: FileSystem, path: string): Promise<FolderCheck> {
  const check: FolderCheck = { path, manifest: null, problems: [], warnings: [] };
  const name = basename(path);
  if (name.includes(incompleteSuffix)) {
    check.problems.push('an unfinished export (".incomplete" in its name): do not use it, export the batch again');
    return check;
  }
  const manifest = await readManifest(fileSystem, path, check);
  if (manifest === null) return check;
  check.manifest = manifest;
  for (const file of manifest.files) {
    try {
      const found = await hashFile(fileSystem, join(path, file.name));
      if (found.bytes !== file.bytes) check.problems.push(`${file.name} has ${found.bytes} bytes, the manifest says ${file.bytes}`);
      else if (found.sha256 !== file.sha256) check.problems.push(`${file.name} does not match its hash in the manifest (changed or damaged)`);
    } catch {
      check.problems.push(`${file.name} is missing or cannot be read`);
    }
  }
  if (!manifest.files.some((file) => file.name === 'responses.json')) check.problems.push('the manifest lists no responses.json');
  else if (check.problems.length === 0) await checkBatch(fileSystem, path, manifest, check);
  const listed = new Set<string>([manifestFileName, ...manifest.files.map((file) => file.name)]);
  const extra = (await fileSystem.readdir(path)).filter((entry) => !listed.has(entry));
  if (extra.length > 0) check.warnings.push(`files not in the manifest: ${extra.join(', ')}`);
  const expectedName = exportFolderName(manifest.site, manifest.createdAt, manifest.batch);
  if (name !== expectedName) check.warnings.push(`the folder was renamed (written as ${expectedName})`);
  return check;
}

async function readManifest(fileSystem: FileSystem, path: string, check: FolderCheck): Promise<ExportManifest | null> {
  const manifestPath = join(path, manifestFileName);
  let text: string;
  try {
    const stats = await fileSystem.stat(manifestPath);
    if (stats.size > manifestLimitBytes) {
      check.problems.push('manifest.json is far too large');
      return null;
    }
    text = await fileSystem.readFile(manifestPath, 'utf8');
  } catch {
    check.problems.push('no manifest.json: not a Kerro export folder, or not a folder');
    return null;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    check.problems.push('manifest.json is not valid JSON');
    return null;
  }
  const parsed = exportManifestSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    check.problems.push(`manifest.json is not a Kerro manifest (${issue?.path.map(String).join('.') ?? ''}: ${issue?.message ?? ''})`);
    return null;
  }
  return parsed.data;
}

async function checkBatch(fileSystem: FileSystem, path: string, manifest: ExportManifest, check: FolderCheck): Promise<void> {
  let scanned;
  // The SVG each drawing must have: made again from the batch, so a file that does not show its answer is found.
  const drawings = new Map<string, string>();
  try {
    scanned = await scanBatchFile(fileSystem, join(path, 'responses.json'), {
      onAnswer: (answer) => {
        if ('drawing' in answer.answer) drawings.set(drawingFileName(answer.seq), createHash('sha256').update(drawingSvg(answer.answer.drawing)).digest('hex'));
      },
    });
  } catch (error) {
    check.problems.push(`responses.json is not a canonical Kerro batch (${error instanceof BatchFormatError ? error.message : String(error)})`);
    return;
  }
  const { header } = scanned;
  if (scanned.sha256 !== manifest.batchHash) check.problems.push('responses.json does not match the batch hash');
  const agreements: [string, unknown, unknown][] = [
    ['kiosk id', header.kioskId, manifest.kioskId],
    ['site', header.site, manifest.site],
    ['batch number', header.number, manifest.batch],
    ['first answer number', header.seqFrom, manifest.seqFrom],
    ['last answer number', header.seqTo, manifest.seqTo],
    ['answer count', header.count, manifest.counts.answers],
    ['previous batch hash', header.previousHash, manifest.previousBatchHash],
    ['sealing time', header.createdAt, manifest.createdAt],
  ];
  for (const [label, inBatch, inManifest] of agreements) {
    if (inBatch !== inManifest) check.problems.push(`the manifest's ${label} (${String(inManifest)}) differs from the batch's (${String(inBatch)})`);
  }
  const listed = new Map(manifest.files.map((file) => [file.name, file.sha256]));
  for (const [name, sha256] of drawings) {
    const found = listed.get(name);
    if (found === undefined) check.problems.push(`${name}, a child's drawing in the batch, is not listed in the manifest`);
    else if (found !== sha256) check.problems.push(`${name} does not show the drawing the batch holds`);
  }
  for (const name of listed.keys()) {
    if (drawingFilePattern.test(name) && !drawings.has(name)) check.problems.push(`${name} is listed, but the batch holds no such drawing`);
  }
  const missing = header.seqTo - header.seqFrom + 1 - header.count;
  if (missing > 0) check.warnings.push(`${missing} answer number(s) between ${header.seqFrom} and ${header.seqTo} are missing: lost on the kiosk before sealing`);
}

/** Per kiosk, in batch order: no number missing, each batch naming the one before by its hash, answers continuing. */
function checkChains(folders: readonly FolderCheck[]): ChainCheck[] {
  const byKiosk = new Map<string, ExportManifest[]>();
  for (const folder of folders) {
    if (folder.manifest === null) continue;
    const list = byKiosk.get(folder.manifest.kioskId) ?? [];
    list.push(folder.manifest);
    byKiosk.set(folder.manifest.kioskId, list);
  }
  return [...byKiosk].map(([kioskId, manifests]) => {
    const chain: ChainCheck = { kioskId, batches: [], problems: [], warnings: [] };
    const unique = new Map<number, ExportManifest>();
    for (const manifest of manifests.sort((left, right) => left.batch - right.batch)) {
      const known = unique.get(manifest.batch);
      if (known === undefined) unique.set(manifest.batch, manifest);
      else if (known.batchHash === manifest.batchHash) chain.warnings.push(`batch ${manifest.batch} was given more than once (same content)`);
      else chain.problems.push(`two different batches numbered ${manifest.batch}`);
    }
    const ordered = [...unique.values()];
    chain.batches = ordered.map((manifest) => manifest.batch);
    const first = ordered[0];
    if (first !== undefined && first.batch === 1 && first.previousBatchHash !== null) chain.problems.push('batch 1 names a batch before it');
    if (first !== undefined && first.batch > 1) chain.warnings.push(`batches before ${first.batch} were not given; the chain is checked from batch ${first.batch}`);
    for (let index = 1; index < ordered.length; index += 1) {
      const previous = ordered[index - 1];
      const current = ordered[index];
      if (previous === undefined || current === undefined) continue;
      if (current.batch !== previous.batch + 1) {
        const gap = current.batch - previous.batch === 2 ? `batch ${previous.batch + 1} is` : `batches ${previous.batch + 1}–${current.batch - 1} are`;
        chain.problems.push(`${gap} missing between batch ${previous.batch} and batch ${current.batch}`);
        continue;
      }
      if (current.previousBatchHash !== previous.batchHash) {
        chain.problems.push(`batch ${current.batch} does not follow batch ${previous.batch}: its previous hash differs (a batch was altered or replaced)`);
      }
      if (current.seqFrom !== previous.seqTo + 1) {
        chain.problems.push(`answer numbers jump from ${previous.seqTo} (batch ${previous.batch}) to ${current.seqFrom} (batch ${current.batch})`);
      }
    }
    return chain;
  });
}
