import { useEffect, useRef } from 'react';
import { paintCode, prerenderCodes } from './prerender';

export interface SummaryCodeProps {
  text: string;
  label: string;
}

/** The one-frame summary: plain text, medium error correction for any phone's own camera app. */
export function SummaryCode({ text, label }: SummaryCodeProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let isCancelled = false;
    let drawn: ImageBitmap | null = null;
    void prerenderCodes(
      [text],
      'M',
      (bitmap) => {
        drawn = bitmap;
        if (canvasRef.current !== null) paintCode(canvasRef.current, bitmap);
      },
      () => isCancelled,
    );
    return () => {
      isCancelled = true;
      drawn?.close();
    };
  }, [text]);
  return <canvas ref={canvasRef} className="qr-canvas" role="img" aria-label={label} data-testid="summary-canvas" />;
}
