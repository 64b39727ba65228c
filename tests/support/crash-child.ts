// Records answers as fast as it can and prints each acknowledgement; the crash test kills it.
import { dispatch } from '../../src-main/core/api/dispatch';
import { openKiosk } from '../../src-main/core/kiosk';
import { silentLogger } from '../../src-main/core/logger';

const dataDir = process.argv[2] ?? '';
const kiosk = await openKiosk({ dataDir, version: 'crash-test', logger: silentLogger, segmentCapacity: 25 });
process.stdout.write(`ready ${kiosk.health().answersStored}\n`);
const submit = async () => {
  const result = await dispatch(
    kiosk,
    'responses.submit',
    { pollId: 'council-feedback', pollVersion: 1, answer: { optionIds: ['good'] }, language: 'fi' },
    { transport: 'http', staffToken: null },
  );
  // Writes to a pipe are synchronous on Linux: once this returns, the parent can read the line.
  if (result.ok) process.stdout.write(`ack ${JSON.stringify(result.value)}\n`);
};
for (;;) await Promise.all([submit(), submit(), submit()]);
