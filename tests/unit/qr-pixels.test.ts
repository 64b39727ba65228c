import { strToU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { openTransferredBatch } from '../../src-shared/qr/batch-intake';
import { encodeCompactBatch } from '../../src-shared/qr/compact-batch';
import { fountainFrames } from '../../src-shared/qr/fountain-frames';
import { FrameReceiver } from '../../src-shared/qr/frame-receiver';
import { qrMatrix, rasterize } from '../../src-shared/qr/qr-image';
import { transferDefaults } from '../../src-shared/qr/transfer-defaults';
import { prepareReader, readQrTexts, sha256Hex } from '../support/qr-kit';
import { sampleBatch, seededRandom } from '../../scripts/fixtures/sample-batch';

beforeAll(prepareReader);

describe('QR transfer through real pixels', () => {
  it('reassembles a 1,000-answer batch byte for byte with a fifth of the frames dropped', async () => {
    const batch = sampleBatch({ answers: 1000, seed: 11 });
    const hash = await sha256Hex(strToU8(batch.canonical));
    const { frames, fragmentCount } = fountainFrames(encodeCompactBatch(batch.canonical, hash), transferDefaults.fragmentSize);
    const random = seededRandom(20);
    const receiver = new FrameReceiver();
    let payload: Uint8Array | null = null;
    let shown = 0;
    let dropped = 0;
    for (const frame of frames) {
      shown += 1;
      if (random() < 0.2) {
        dropped += 1;
        continue;
      }
      // Drawn as the kiosk draws it, at 2 px per module, and read back by zxing from the pixels.
      const texts = await readQrTexts(rasterize(qrMatrix(frame, transferDefaults.errorCorrection), 2));
      expect(texts).toEqual([frame]);
      const outcome = receiver.receive(texts[0] ?? '');
      if (outcome.kind === 'complete') {
        payload = outcome.payload;
        break;
      }
    }
    expect(dropped).toBeGreaterThan(0);
    expect(payload).not.toBeNull();
    expect(shown).toBeLessThan(frames.length);
    const received = await openTransferredBatch(payload ?? new Uint8Array(), sha256Hex);
    expect(received.canonical).toBe(batch.canonical);
    expect(received.sha256).toBe(hash);
    expect(received.answers).toHaveLength(1000);
    expect(fragmentCount).toBeLessThan(shown);
  });
});
