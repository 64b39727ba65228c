import { useCallback, useRef, useState } from 'react';
import { drawingCanvas, drawingLimits, pointCount, type DrawingColor, type Stroke } from '../../src-shared/contract/drawing';

/** Points closer than this to the last one add nothing a child could see, only bytes. */
const leastStep = 6;

export interface DrawingState {
  strokes: readonly Stroke[];
  color: DrawingColor;
  setColor: (color: DrawingColor) => void;
  begin: (x: number, y: number) => void;
  extend: (x: number, y: number) => void;
  undo: () => void;
}

function clamp(value: number, largest: number): number {
  return Math.min(largest, Math.max(0, Math.round(value)));
}

/**
 * The strokes of one drawing, kept inside the answer's bounds as they are drawn: past the
 * limits a finger simply stops leaving a line, so what is sent is always what was seen.
 */
export function useDrawing(): DrawingState {
  const [strokes, setStrokes] = useState<readonly Stroke[]>([]);
  const [color, setColor] = useState<DrawingColor>('blue');
  const isDrawing = useRef(false);

  const begin = useCallback(
    (x: number, y: number) => {
      setStrokes((current) => {
        if (current.length >= drawingLimits.strokes || pointCount({ strokes: current }) >= drawingLimits.points) {
          isDrawing.current = false;
          return current;
        }
        isDrawing.current = true;
        return [...current, { color, points: [clamp(x, drawingCanvas.width), clamp(y, drawingCanvas.height)] }];
      });
    },
    [color],
  );

  const extend = useCallback((x: number, y: number) => {
    if (!isDrawing.current) return;
    setStrokes((current) => {
      const last = current.at(-1);
      if (last === undefined) return current;
      const point = [clamp(x, drawingCanvas.width), clamp(y, drawingCanvas.height)] as const;
      const [lastX = 0, lastY = 0] = last.points.slice(-2);
      if (Math.hypot(point[0] - lastX, point[1] - lastY) < leastStep) return current;
      if (last.points.length / 2 >= drawingLimits.pointsPerStroke || pointCount({ strokes: current }) >= drawingLimits.points) return current;
      return [...current.slice(0, -1), { color: last.color, points: [...last.points, ...point] }];
    });
  }, []);

  const undo = useCallback(() => {
    isDrawing.current = false;
    setStrokes((current) => current.slice(0, -1));
  }, []);

  return { strokes, color, setColor, begin, extend, undo };
}
