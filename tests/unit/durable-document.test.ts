import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { silentLogger } from '../../src-main/core/logger';
import { openDocument } from '../../src-main/core/store/document';
import { StoreContext } from '../../src-main/core/store/store-context';
import { faultyFileSystem, type Fault } from '../support/faulty-file-system';
import { makeTempDir } from '../support/temp-dir';

const counterSpec = { fileName: 'counter.json', schemaVersion: 1, schema: z.object({ count: z.number() }) };

async function openCounter(fault: Fault) {
  const dataDir = await makeTempDir();
  const context = new StoreContext(dataDir, faultyFileSystem(fault), () => new Date('2026-12-03T08:00:00Z'), silentLogger);
  await context.prepare();
  const { document } = await openDocument(context, counterSpec, () => ({ count: 0 }));
  const onDisk = async () => z.object({ data: z.object({ count: z.number() }) }).parse(JSON.parse(await readFile(join(dataDir, 'counter.json'), 'utf8'))).data;
  return { document, onDisk };
}

describe('a durable document', () => {
  it('holds in memory only what reached the disk when a replace fails', async () => {
    const fault: Fault = { code: null, on: 'write' };
    const { document, onDisk } = await openCounter(fault);
    await document.replace({ count: 1 });
    fault.code = 'ENOSPC';
    await expect(document.replace({ count: 2 })).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(document.data).toEqual({ count: 1 });
    expect(await onDisk()).toEqual({ count: 1 });
  });

  it('names a failed replace for the people who see it', async () => {
    const fault: Fault = { code: null, on: 'sync' };
    const { document } = await openCounter(fault);
    fault.code = 'EROFS';
    await expect(document.replaceOr({ count: 5 }, () => new Error('not saved'))).rejects.toThrow('not saved');
    expect(document.data).toEqual({ count: 0 });
  });

  it('keeps a held value in memory though the disk refused it, and says it was not saved', async () => {
    const fault: Fault = { code: null, on: 'write' };
    const { document, onDisk } = await openCounter(fault);
    fault.code = 'ENOSPC';
    await expect(document.hold({ count: 3 })).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(document.data).toEqual({ count: 3 });
    expect(await onDisk()).toEqual({ count: 0 });
    fault.code = null;
    await document.hold({ count: 4 });
    expect(await onDisk()).toEqual({ count: 4 });
  });
});
