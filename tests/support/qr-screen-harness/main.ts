import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { qrFramesSchema } from '../../../src-shared/contract/qr';
import type { StaffCall } from '../../../src-renderer/staff/staff-call';
import { QrExportScreen } from '../../../src-renderer/staff/qr/QrExportScreen';

/**
 * The kiosk's QR screen alone, for the e2e test, until the staff area's batch list offers it:
 * the staff method's answer comes from view.json, written by the test from a real batch.
 */
const view = qrFramesSchema.parse(await (await fetch('./view.json')).json());
// The screen makes one call, exports.qrFrames; its answer is the same whatever the generic asks.
const call = (async () => ({ ok: true, value: view })) as unknown as StaffCall;
const root = document.getElementById('root');
if (root !== null) {
  createRoot(root).render(
    createElement(QrExportScreen, {
      language: 'fi',
      call,
      batchNumber: view.batchNumber,
      onBack: () => {
        document.body.dataset.closed = 'true';
      },
    }),
  );
}
