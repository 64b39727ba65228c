import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configuredTargets } from '../../src-main/core/stick/targets';
import type { Kiosk } from '../../src-main/core/kiosk';
import { faultyFileSystem, type Fault } from '../support/faulty-file-system';
import { call, standingAnswer, valueOf } from '../../scripts/fixtures/kiosk';
import { openSetUpKiosk, unlock } from '../support/staff';
import { makeTempDir } from '../support/temp-dir';

interface Setup {
  kiosk: Kiosk;
  token: string;
  stick: string;
  fault: Fault;
}

async function setUp(sticks = 1): Promise<Setup & { sticks: string[] }> {
  const root = await makeTempDir();
  const paths = ['KINGSTON', 'SANDISK', 'VERBATIM'].slice(0, sticks).map((name) => join(root, name));
  for (const path of paths) await mkdir(path);
  const fault: Fault = { code: null, on: 'write' };
  const kiosk = await openSetUpKiosk(await makeTempDir(), {
    exportTargets: configuredTargets({ KERRO_EXPORT_DIRS: paths.map((path) => `folder=${path}`).join(':') }),
    targetFileSystem: faultyFileSystem(fault),
  });
  return { kiosk, token: await unlock(kiosk), stick: paths[0] ?? '', sticks: paths, fault };
}

const staff = (setup: Setup, method: string, input: unknown) => call(setup.kiosk, method, input, setup.token);

describe('export methods for the staff area', () => {
  it('lists the sticks, exports through the contract, and health counts only unexported answers', async () => {
    const setup = await setUp();
    for (const option of ['good', 'very-good', 'bad']) valueOf(await call(setup.kiosk, 'responses.submit', standingAnswer(option)));
    expect(setup.kiosk.health().unexported).toBe(3);

    const { targets } = valueOf(await staff(setup, 'exports.targets', {})) as { targets: { id: string; name: string; freeBytes: number }[] };
    expect(targets).toHaveLength(1);
    expect(targets[0]).toMatchObject({ name: 'KINGSTON', isWritable: true });
    expect(targets[0]?.freeBytes).toBeGreaterThan(0);

    const run = valueOf(await staff(setup, 'exports.run', { targetId: targets[0]?.id })) as { written: { folder: string; batch: { number: number; count: number } }[] };
    expect(run.written.map((written) => written.batch)).toMatchObject([{ number: 1, count: 3 }]);
    expect(await readdir(setup.stick)).toEqual([run.written[0]?.folder]);
    expect(setup.kiosk.health().unexported).toBe(0);
    expect(valueOf(await staff(setup, 'staff.overview', {}))).toMatchObject({ unexported: 0, lastExportAt: expect.any(String) });
    expect(valueOf(await staff(setup, 'exports.batches', {}))).toMatchObject({ batches: [{ number: 1, exportCount: 1 }], unexported: 0, unsealed: 0 });
    expect(valueOf(await staff(setup, 'exports.progress', {}))).toEqual({ isRunning: false, progress: null });

    valueOf(await call(setup.kiosk, 'responses.submit', standingAnswer('okay')));
    expect(setup.kiosk.health().unexported).toBe(1);
    await setup.kiosk.close();
  });

  it('refuses every export method without a staff session, and writes nothing', async () => {
    const setup = await setUp();
    valueOf(await call(setup.kiosk, 'responses.submit', standingAnswer()));
    for (const [method, input] of [
      ['exports.targets', {}],
      ['exports.run', { targetId: setup.stick }],
      ['exports.reexport', { targetId: setup.stick, batchNumber: 1 }],
      ['polls.exportPack', { targetId: setup.stick }],
      ['polls.importPack', { targetId: setup.stick }],
    ] as const) {
      expect(await call(setup.kiosk, method, input), method).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
    expect(await readdir(setup.stick)).toEqual([]);
    await setup.kiosk.close();
  });

  it('accepts only targets it listed itself, never a path made up by the caller', async () => {
    const setup = await setUp();
    valueOf(await call(setup.kiosk, 'responses.submit', standingAnswer()));
    const elsewhere = await makeTempDir();
    const refused = await staff(setup, 'exports.run', { targetId: elsewhere });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_found', message: 'Tätä vientikohdetta ei enää ole. Päivitä luettelo.' } });
    expect(await readdir(elsewhere)).toEqual([]);
    expect(valueOf(await staff(setup, 'exports.batches', {}))).toMatchObject({ batches: [], unsealed: 1 });
    await setup.kiosk.close();
  });

  it('a follow-up to an exported answer is refused, one to a newer answer is not', async () => {
    const setup = await setUp();
    const first = valueOf(await call(setup.kiosk, 'responses.submit', standingAnswer())) as { responseId: string };
    valueOf(await staff(setup, 'exports.run', { targetId: setup.stick }));
    const refused = await call(setup.kiosk, 'responses.followUp', { responseId: first.responseId, topics: ['staff'] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const second = valueOf(await call(setup.kiosk, 'responses.submit', standingAnswer())) as { responseId: string };
    expect(valueOf(await call(setup.kiosk, 'responses.followUp', { responseId: second.responseId, topics: ['staff'] }))).toEqual({
      responseId: second.responseId,
    });
    await setup.kiosk.close();
  });

  it('a full stick fails in the staff member’s language, the batch stays unexported, and the next run writes it', async () => {
    const setup = await setUp(2);
    for (let index = 0; index < 5; index += 1) valueOf(await call(setup.kiosk, 'responses.submit', standingAnswer()));
    setup.fault.code = 'ENOSPC';
    const failed = await staff(setup, 'exports.run', { targetId: setup.stick });
    expect(failed).toMatchObject({ ok: false, error: { code: 'storage_failed' } });
    if (!failed.ok) expect(failed.error.message).toContain('Muistitikulla KINGSTON ei ole tarpeeksi tilaa');
    expect(await readdir(setup.stick)).toEqual([]);
    expect(setup.kiosk.health().unexported).toBe(5);
    expect(valueOf(await staff(setup, 'exports.batches', {}))).toMatchObject({ batches: [{ number: 1, exportCount: 0 }], unexported: 5, unsealed: 0 });

    setup.fault.code = null;
    const retried = valueOf(await staff(setup, 'exports.run', { targetId: setup.stick })) as { written: { batch: { number: number } }[] };
    expect(retried.written.map((written) => written.batch.number)).toEqual([1]);
    expect(setup.kiosk.health().unexported).toBe(0);

    const clash = await staff(setup, 'exports.reexport', { targetId: setup.stick, batchNumber: 1 });
    expect(clash).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const second = setup.sticks[1] ?? '';
    valueOf(await staff(setup, 'exports.reexport', { targetId: second, batchNumber: 1 }));
    const [folder] = await readdir(second);
    const original = await readFile(join(setup.stick, folder ?? '', 'responses.csv'));
    expect((await readFile(join(second, folder ?? '', 'responses.csv'))).equals(original)).toBe(true);
    expect(await staff(setup, 'exports.reexport', { targetId: second, batchNumber: 7 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await setup.kiosk.close();
  });

  it('poll packs: export from one kiosk, preview and import on another through the contract', async () => {
    const setup = await setUp();
    const quick = valueOf(
      await staff(setup, 'polls.save', {
        pollId: null,
        draft: {
          kind: 'yesno',
          question: { fi: 'Oliko kahvi hyvää?', sv: 'Var kaffet gott?' },
          options: [],
          comment: true,
          start: { type: 'now' },
          end: { type: 'none' },
        },
      }),
    ) as { poll: { id: string } };
    valueOf(await staff(setup, 'polls.setState', { pollId: quick.poll.id, state: 'active' }));
    expect(valueOf(await staff(setup, 'polls.exportPack', { targetId: setup.stick }))).toMatchObject({ file: 'kerro-polls.json', polls: 3 });
    expect(await staff(setup, 'polls.exportPack', { targetId: setup.stick })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await staff(setup, 'polls.exportPack', { targetId: setup.stick, replace: true })).ok).toBe(true);

    const other = await openSetUpKiosk(await makeTempDir(), { exportTargets: configuredTargets({ KERRO_EXPORT_DIRS: `folder=${setup.stick}` }) });
    const otherToken = await unlock(other);
    const preview = valueOf(await call(other, 'polls.previewPack', { targetId: setup.stick }, otherToken));
    expect(preview).toMatchObject({
      canImport: true,
      problem: null,
      polls: [
        { id: 'council-feedback', action: 'same' },
        { id: 'children-playing', action: 'same' },
        { id: quick.poll.id, action: 'add', kind: 'yesno' },
      ],
    });
    expect(valueOf(await call(other, 'polls.importPack', { targetId: setup.stick }, otherToken))).toEqual({ added: 1, unchanged: 2, skipped: 0, outcomesAdded: 0 });
    const active = valueOf(await call(other, 'polls.active', {})) as { polls: { id: string }[] };
    expect(active.polls.map((poll) => poll.id)).toContain(quick.poll.id);
    expect(valueOf(await call(other, 'polls.importPack', { targetId: setup.stick }, otherToken))).toEqual({ added: 0, unchanged: 3, skipped: 0, outcomesAdded: 0 });
    await other.close();
    await setup.kiosk.close();
  });
});
