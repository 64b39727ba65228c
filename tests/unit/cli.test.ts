import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call, openTestKiosk, valueOf } from '../../scripts/fixtures/kiosk';
import { makeTempDir } from '../support/temp-dir';
import { runKerroInProcess } from '../support/cli-in-process';

const kerro = runKerroInProcess;

describe('kerro setup', () => {
  it('sets up a data folder with the PIN from standard input', async () => {
    const dataDir = await makeTempDir();
    const done = await kerro(['setup', '--data', dataDir, '--site', 'Perheiden piha', '--languages', 'fi,sv'], '97531246\n');
    expect(done).toMatchObject({ code: 0, stderr: '' });
    expect(done.stdout).toMatch(/^Kiosk K-\w{4}-\w{4} in .* is set up for "Perheiden piha" \(fi, sv\)\.\n$/);
    expect(await readFile(join(dataDir, 'kiosk.json'), 'utf8')).not.toContain('97531246');
    const kiosk = await openTestKiosk(dataDir);
    expect(valueOf(await call(kiosk, 'kiosk.info', {}))).toMatchObject({ isSetUp: true, siteName: 'Perheiden piha', languages: ['fi', 'sv'] });
    expect((await call(kiosk, 'staff.unlock', { pin: '97531246' })).ok).toBe(true);
    await kiosk.close();

    const again = await kerro(['setup', '--data', dataDir, '--site', 'Another'], '11112222\n');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already set up');
  });

  it.each([
    ['a PIN on the command line', ['setup', '--site', 'Piha', '--pin', '123456'], '123456\n', 'never from the command line'],
    ['no site', ['setup'], '123456\n', '--site is required'],
    ['an unknown language', ['setup', '--site', 'Piha', '--languages', 'fi,de'], '123456\n', 'Unknown language: de'],
    ['a short PIN', ['setup', '--site', 'Piha'], '1234\n', 'the PIN must be 6–12 digits'],
    ['an unknown option', ['setup', '--site', 'Piha', '--colour', 'red'], '123456\n', "Unknown option '--colour'"],
  ])('refuses %s and writes nothing', async (_name, args, stdinText, message) => {
    const dataDir = await makeTempDir();
    const result = await kerro([...args, '--data', dataDir], stdinText);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    const kiosk = await openTestKiosk(dataDir);
    expect(valueOf(await call(kiosk, 'kiosk.info', {}))).toMatchObject({ isSetUp: false });
    await kiosk.close();
  });

  it('fails without a PIN on standard input', async () => {
    const result = await kerro(['setup', '--data', await makeTempDir(), '--site', 'Piha'], null);
    expect(result).toMatchObject({ code: 1, stderr: 'No PIN on standard input.\n' });
  });
});

describe('kerro', () => {
  it('lists its commands, and refuses an unknown one', async () => {
    expect(await kerro(['help'], null)).toMatchObject({ code: 0, stdout: expect.stringMatching(/\n  setup +Set up a kiosk/) });
    expect(await kerro(['explode'], null)).toMatchObject({ code: 2, stderr: expect.stringContaining('Unknown command: explode') });
  });
});
