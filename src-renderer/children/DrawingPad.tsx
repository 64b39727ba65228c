import { useEffect, useRef, type PointerEvent } from 'react';
import { drawingCanvas, drawingColors, drawingStrokeWidth, strokePath, type Stroke } from '../../src-shared/contract/drawing';

interface DrawingPadProps {
  label: string;
  strokes: readonly Stroke[];
  isDisabled: boolean;
  onBegin: (x: number, y: number) => void;
  onExtend: (x: number, y: number) => void;
}

/**
 * Where the finger draws: the strokes are drawn as the very paths the exported SVG holds. One
 * finger draws at a time; a second finger (a sibling's, a palm) is ignored until the first lifts.
 */
export function DrawingPad({ label, strokes, isDisabled, onBegin, onExtend }: DrawingPadProps) {
  const drawingPointer = useRef<number | null>(null);
  const pad = useRef<SVGSVGElement>(null);
  // A sideways stroke must stay a stroke: not a swipe back through the history, nor a scroll.
  // React's touch listeners are passive, so the browser is told here, on the element itself.
  useEffect(() => {
    const element = pad.current;
    if (element === null) return;
    const hold = (event: TouchEvent) => event.preventDefault();
    element.addEventListener('touchstart', hold, { passive: false });
    element.addEventListener('touchmove', hold, { passive: false });
    return () => {
      element.removeEventListener('touchstart', hold);
      element.removeEventListener('touchmove', hold);
    };
  }, []);
  const toCanvas = (event: PointerEvent<SVGSVGElement>): [number, number] => {
    const box = event.currentTarget.getBoundingClientRect();
    return [((event.clientX - box.left) / box.width) * drawingCanvas.width, ((event.clientY - box.top) / box.height) * drawingCanvas.height];
  };
  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    if (isDisabled || drawingPointer.current !== null) return;
    drawingPointer.current = event.pointerId;
    event.currentTarget.setPointerCapture(event.pointerId);
    onBegin(...toCanvas(event));
  };
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    if (drawingPointer.current !== event.pointerId) return;
    onExtend(...toCanvas(event));
  };
  const onPointerEnd = (event: PointerEvent<SVGSVGElement>) => {
    if (drawingPointer.current === event.pointerId) drawingPointer.current = null;
  };
  return (
    <svg
      ref={pad}
      className="drawing-pad"
      data-testid="drawing-pad"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${drawingCanvas.width} ${drawingCanvas.height}`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerEnd}
      onPointerCancel={onPointerEnd}
    >
      <g fill="none" strokeWidth={drawingStrokeWidth} strokeLinecap="round" strokeLinejoin="round">
        {strokes.map((stroke, index) => (
          <path key={index} d={strokePath(stroke.points)} stroke={drawingColors[stroke.color]} />
        ))}
      </g>
    </svg>
  );
}
