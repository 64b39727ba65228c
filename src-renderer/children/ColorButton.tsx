import type { DrawingColor } from '../../src-shared/contract/drawing';
import { drawingColors } from '../../src-shared/contract/drawing';
import { useTap } from '../parents/useTap';

interface ColorButtonProps {
  color: DrawingColor;
  label: string;
  isChosen: boolean;
  onChoose: (color: DrawingColor) => void;
}

/** A big spot of paint; the chosen one is ringed. */
export function ColorButton({ color, label, isChosen, onChoose }: ColorButtonProps) {
  const tap = useTap(() => onChoose(color));
  return (
    <button type="button" className="child-round-button color-button" data-color={color} aria-label={label} aria-pressed={isChosen} {...tap}>
      <span className="color-spot" style={{ background: drawingColors[color] }} aria-hidden="true" />
    </button>
  );
}
