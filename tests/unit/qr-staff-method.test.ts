import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { qrFramesSchema } from '../../src-shared/contract/qr';
import { decodeCompactBatch } from '../../src-shared/qr/compact-batch';
import { FrameReceiver } from '../../src-shared/qr/frame-receiver';
import { call, standingAnswer, valueOf } from '../../scripts/fixtures/kiosk';
import { openSetUpKiosk, unlock } from '../support/staff';
import { makeTempDir } from '../support/temp-dir';

describe('exports.qrFrames', () => {
  it('gives a sealed batch’s frames to a staff session only, and they rebuild the batch file exactly', async () => {
    const kiosk = await openSetUpKiosk(await makeTempDir());
    for (const option of ['good', 'very-good', 'okay', 'good']) valueOf(await call(kiosk, 'responses.submit', standingAnswer(option)));
    const record = await kiosk.exports.seal();
    if (record === null) throw new Error('nothing sealed');

    const refused = await call(kiosk, 'exports.qrFrames', { batchNumber: 1 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'unauthorized' } });

    const token = await unlock(kiosk);
    const view = qrFramesSchema.parse(valueOf(await call(kiosk, 'exports.qrFrames', { batchNumber: 1 }, token)));
    expect(view).toMatchObject({ batchNumber: 1, count: 4, sha256: record.hash, errorCorrection: 'L', framesPerSecond: 10 });
    expect(view.summary).toContain('Hyvin 2');
    const receiver = new FrameReceiver();
    let payload: Uint8Array | null = null;
    for (const frame of view.frames) {
      const outcome = receiver.receive(frame);
      if (outcome.kind === 'complete') payload = outcome.payload;
    }
    expect(decodeCompactBatch(payload ?? new Uint8Array()).canonical).toBe(await readFile(kiosk.exports.batchFileOf(1), 'utf8'));

    expect(await call(kiosk, 'exports.qrFrames', { batchNumber: 2 }, token)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await kiosk.close();
  });

  it('without a batch number seals the answers not yet in a batch, or shows the newest batch', async () => {
    const kiosk = await openSetUpKiosk(await makeTempDir());
    const token = await unlock(kiosk);
    expect(await call(kiosk, 'exports.qrFrames', {}, token)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    valueOf(await call(kiosk, 'responses.submit', standingAnswer('good')));
    const first = qrFramesSchema.parse(valueOf(await call(kiosk, 'exports.qrFrames', {}, token)));
    expect(first).toMatchObject({ batchNumber: 1, count: 1 });
    expect(qrFramesSchema.parse(valueOf(await call(kiosk, 'exports.qrFrames', {}, token))).batchNumber).toBe(1);
    valueOf(await call(kiosk, 'responses.submit', standingAnswer('bad')));
    valueOf(await call(kiosk, 'responses.submit', standingAnswer('okay')));
    const second = qrFramesSchema.parse(valueOf(await call(kiosk, 'exports.qrFrames', {}, token)));
    expect(second).toMatchObject({ batchNumber: 2, count: 2 });
    expect(kiosk.exports.batchRecords()[1]?.previousHash).toBe(first.sha256);
    await kiosk.close();
  });
});
