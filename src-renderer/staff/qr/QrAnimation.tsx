import { useEffect, useRef, useState } from 'react';
import type { ErrorCorrection } from '../../../src-shared/qr/qr-image';
import { paintCode, prerenderCodes } from './prerender';

export interface QrAnimationProps {
  frames: readonly string[];
  errorCorrection: ErrorCorrection;
  framesPerSecond: number;
  isPaused: boolean;
  label: string;
  /** How many frames are drawn ahead so far; the animation starts with the first. */
  onPrepared: (done: number) => void;
}

/**
 * The animated code. The frame shown follows the clock, not a count of timer ticks, so the rate
 * stays steady when a tick comes late; each tick paints a pre-drawn bitmap and allocates nothing.
 */
export function QrAnimation({ frames, errorCorrection, framesPerSecond, isPaused, label, onPrepared }: QrAnimationProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const positionRef = useRef<HTMLProgressElement>(null);
  const bitmaps = useRef<ImageBitmap[]>([]);
  const [prepared, setPrepared] = useState(0);

  useEffect(() => {
    let isCancelled = false;
    const drawn: ImageBitmap[] = [];
    bitmaps.current = drawn;
    void prerenderCodes(
      frames,
      errorCorrection,
      (bitmap) => {
        drawn.push(bitmap);
        setPrepared(drawn.length);
      },
      () => isCancelled,
    );
    return () => {
      isCancelled = true;
      for (const bitmap of drawn) bitmap.close();
    };
  }, [frames, errorCorrection]);

  useEffect(() => onPrepared(prepared), [prepared, onPrepared]);

  useEffect(() => {
    if (isPaused || prepared === 0) return;
    const canvas = canvasRef.current;
    if (canvas === null) return;
    const startedAt = performance.now();
    let handle = 0;
    let shown = -1;
    const tick = (now: number) => {
      const available = bitmaps.current.length;
      const index = Math.floor(((now - startedAt) * framesPerSecond) / 1000) % available;
      if (index !== shown) {
        const bitmap = bitmaps.current[index];
        if (bitmap !== undefined) paintCode(canvas, bitmap);
        if (positionRef.current !== null) positionRef.current.value = index + 1;
        shown = index;
      }
      handle = requestAnimationFrame(tick);
    };
    handle = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(handle);
  }, [isPaused, prepared, framesPerSecond]);

  return (
    <div className="qr-animation">
      <canvas ref={canvasRef} className="qr-canvas" role="img" aria-label={label} data-testid="qr-canvas" />
      <progress ref={positionRef} className="qr-position" max={frames.length} value={0} aria-hidden="true" />
    </div>
  );
}
