// First: bc-ur needs Buffer on globalThis before its modules run.
import './install-buffer';
import { useEffect, useRef, useState } from 'react';
import type { LanguageCode } from '../../src-shared/i18n/languages';
import { qrText } from '../../src-shared/i18n/qr-messages';
import { BatchRefused, openTransferredBatch, type ReceivedBatch, type RefusalReason } from '../../src-shared/qr/batch-intake';
import { FrameReceiver } from '../../src-shared/qr/frame-receiver';
import { hintWindow, scanHint, type ScanHint, type ScanLook } from '../../src-shared/qr/scan-hint';
import { sha256Hex } from './sha256';
import { prepareReader, readQrFrame } from './zxing-reader';

export interface ScannerProps {
  language: LanguageCode;
  onReceived: (batch: ReceivedBatch) => Promise<void>;
  onRefused: (reason: RefusalReason) => void;
}

/** Pauses between reads give the page time to paint; a read itself takes a few milliseconds. */
const pauseMs = 15;

/**
 * The camera and the reading loop. Every QR text goes to one FrameReceiver, which keeps each
 * batch's parts apart; a finished batch is checked against its hash before it is handed on.
 */
export function Scanner({ language, onReceived, onRefused }: ScannerProps) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const [progress, setProgress] = useState<{ known: number; needed: number } | null>(null);
  const [hasFailed, setFailed] = useState(false);
  const [sawForeign, setSawForeign] = useState(false);
  const [hint, setHint] = useState<ScanHint | null>(null);
  const handlers = useRef({ onReceived, onRefused });
  handlers.current = { onReceived, onRefused };

  useEffect(() => {
    // Compiled while the camera starts, not when the page opens: a page that only takes folders never pays for it.
    void prepareReader();
    let isStopped = false;
    let stream: MediaStream | null = null;
    const receiver = new FrameReceiver();
    const looks: ScanLook[] = [];
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });

    const handle = async (text: string) => {
      const outcome = receiver.receive(text);
      if (outcome.kind === 'ignored') {
        if (outcome.reason === 'notOurs') setSawForeign(true);
        return;
      }
      setSawForeign(false);
      if (outcome.kind === 'progress') {
        setProgress({ known: outcome.known, needed: outcome.needed });
        return;
      }
      setProgress(null);
      try {
        await handlers.current.onReceived(await openTransferredBatch(outcome.payload, sha256Hex));
      } catch (error) {
        if (error instanceof BatchRefused) handlers.current.onRefused(error.reason);
        else throw error;
      }
    };

    const loop = async () => {
      while (!isStopped) {
        const video = videoRef.current;
        if (video !== null && context !== null && video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && video.videoWidth > 0) {
          if (canvas.width !== video.videoWidth || canvas.height !== video.videoHeight) {
            canvas.width = video.videoWidth;
            canvas.height = video.videoHeight;
          }
          context.drawImage(video, 0, 0);
          const { texts, look } = await readQrFrame(context.getImageData(0, 0, canvas.width, canvas.height));
          looks.push(look);
          if (looks.length > hintWindow) looks.shift();
          setHint(scanHint(looks));
          for (const text of texts) await handle(text);
        }
        await new Promise((resolve) => setTimeout(resolve, pauseMs));
      }
    };

    navigator.mediaDevices
      .getUserMedia({ audio: false, video: { facingMode: 'environment', width: { ideal: 1280 }, height: { ideal: 720 } } })
      .then(async (opened) => {
        stream = opened;
        if (isStopped || videoRef.current === null) {
          opened.getTracks().forEach((track) => track.stop());
          return;
        }
        videoRef.current.srcObject = opened;
        await videoRef.current.play();
        await loop();
      })
      .catch(() => setFailed(true));

    return () => {
      isStopped = true;
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);

  if (hasFailed) return <p className="receiver-notice receiver-notice--problem">{qrText(language, 'receiver.cameraFailed')}</p>;
  return (
    <div className="scanner">
      <video ref={videoRef} className="scanner-video" muted playsInline aria-label={qrText(language, 'receiver.cameraLabel')} />
      <p className="scanner-status" data-testid="scan-progress">
        {progress === null
          ? qrText(language, 'receiver.waiting')
          : qrText(language, 'receiver.progress', { known: progress.known, needed: progress.needed })}
      </p>
      {progress !== null && <progress className="scanner-bar" max={progress.needed} value={progress.known} aria-hidden="true" />}
      {sawForeign && <p className="receiver-notice">{qrText(language, 'receiver.notOurs')}</p>}
      <p className={hint === null ? 'receiver-hint' : 'receiver-hint receiver-hint--advice'} data-testid="scan-hint" aria-live="polite">
        {qrText(language, hint === null ? 'receiver.cameraHint' : `receiver.hint.${hint}`)}
      </p>
    </div>
  );
}
