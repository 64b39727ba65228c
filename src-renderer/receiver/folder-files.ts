/** A file brought in, with the folder path it came from ('' when the browser gave none). */
export interface PickedFile {
  folder: string;
  file: File;
}

/** What the receiver reads of an export folder; the rest of it (CSV, pages) it leaves alone. */
const wantedNames = new Set(['responses.json', 'manifest.json']);

export function isWanted(name: string): boolean {
  return wantedNames.has(name);
}

/** Files from an `<input webkitdirectory>` or a plain multiple picker, with their folders. */
export function pickedFiles(files: readonly File[]): PickedFile[] {
  return files
    .filter((file) => isWanted(file.name))
    .map((file) => ({ folder: file.webkitRelativePath.split('/').slice(0, -1).join('/'), file }));
}

function readBatchOfEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

function isDirectory(entry: FileSystemEntry): entry is FileSystemDirectoryEntry {
  return entry.isDirectory;
}

function isFile(entry: FileSystemEntry): entry is FileSystemFileEntry {
  return entry.isFile;
}

/**
 * Walks what was dropped: export folders, the stick's root holding them, or loose files. A
 * directory reader hands out its entries in portions (about 100 in Chromium), so it is read
 * until it returns none; folders nested at any depth are walked.
 */
export async function filesFromEntries(entries: readonly FileSystemEntry[]): Promise<PickedFile[]> {
  const found: PickedFile[] = [];
  const pending: { entry: FileSystemEntry; folder: string }[] = entries.map((entry) => ({ entry, folder: '' }));
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { entry, folder } = next;
    if (isFile(entry)) {
      if (isWanted(entry.name)) found.push({ folder, file: await fileOf(entry) });
    } else if (isDirectory(entry)) {
      const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
      const reader = entry.createReader();
      for (let portion = await readBatchOfEntries(reader); portion.length > 0; portion = await readBatchOfEntries(reader)) {
        for (const child of portion) pending.push({ entry: child, folder: path });
      }
    }
  }
  return found.sort((left, right) => (left.folder < right.folder ? -1 : left.folder > right.folder ? 1 : 0));
}

/** One export folder's two files, or what stands for a folder when the browser gave no paths. */
export interface FolderFiles {
  /** The folder's path as the browser gave it, or the files' names where it gave none. */
  label: string;
  responses: File | null;
  manifest: File | null;
}

interface Identity {
  kioskId: string;
  batch: number;
}

/** The kiosk and batch a responses.json or manifest.json says it belongs to, read from its start. */
async function identityOf(file: File): Promise<Identity | null> {
  const text = await file.slice(0, file.name === 'responses.json' ? 4096 : 65536).text();
  const kioskId = /"kioskId":\s*"([^"]{1,100})"/.exec(text)?.[1];
  const number = /"(?:batch|number)":\s*(\d{1,9})/.exec(text)?.[1];
  return kioskId === undefined || number === undefined ? null : { kioskId, batch: Number(number) };
}

/**
 * Pairs each responses.json with the manifest.json of its folder. Files without a folder (dropped
 * loose, or picked from several folders in a plain picker) are paired by the kiosk and batch both
 * name, so three folders' files picked together are three batches, not the last one thrice.
 */
export async function groupIntoFolders(files: readonly PickedFile[]): Promise<FolderFiles[]> {
  const folders = new Map<string, FolderFiles>();
  for (const { folder, file } of files) {
    let key = `folder:${folder}`;
    let label = folder;
    if (folder === '') {
      const identity = await identityOf(file);
      key = identity === null ? `loose:${folders.size}` : `batch:${identity.kioskId}#${identity.batch}`;
      label = identity === null ? file.name : `${identity.kioskId} #${identity.batch}`;
    }
    const entry = folders.get(key) ?? { label, responses: null, manifest: null };
    if (file.name === 'responses.json') entry.responses = file;
    if (file.name === 'manifest.json') entry.manifest = file;
    folders.set(key, entry);
  }
  return [...folders.values()].sort((left, right) => (left.label < right.label ? -1 : left.label > right.label ? 1 : 0));
}
