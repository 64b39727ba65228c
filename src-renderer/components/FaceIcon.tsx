interface FaceShape {
  fill: string;
  mouth: string;
  brows: string | null;
}

/**
 * Faces differ by mouth and brow shape as well as colour, so they can be told apart without
 * seeing colour. Drawn here; no third-party artwork.
 */
const shapes: Record<string, FaceShape> = {
  'very-bad': { fill: '#e57373', mouth: 'M30 72 Q50 52 70 72', brows: 'M28 34 L42 40 M72 34 L58 40' },
  bad: { fill: '#ffb74d', mouth: 'M32 70 Q50 60 68 70', brows: null },
  okay: { fill: '#fff176', mouth: 'M32 66 L68 66', brows: null },
  good: { fill: '#aed581', mouth: 'M32 62 Q50 76 68 62', brows: null },
  'very-good': { fill: '#81c784', mouth: 'M28 58 Q50 90 72 58 Z', brows: null },
};

const neutral: FaceShape = { fill: '#e0e0e0', mouth: 'M32 66 L68 66', brows: null };

export function FaceIcon({ optionId }: { optionId: string }) {
  const shape = shapes[optionId] ?? neutral;
  const isOpenMouth = shape.mouth.endsWith('Z');
  return (
    <svg className="face-icon" viewBox="0 0 100 100" aria-hidden="true" focusable="false">
      <circle cx="50" cy="50" r="46" fill={shape.fill} stroke="#3b2f2a" strokeWidth="4" />
      <circle cx="36" cy="44" r="6" fill="#3b2f2a" />
      <circle cx="64" cy="44" r="6" fill="#3b2f2a" />
      {shape.brows === null ? null : (
        <path d={shape.brows} stroke="#3b2f2a" strokeWidth="5" strokeLinecap="round" fill="none" />
      )}
      <path
        d={shape.mouth}
        stroke="#3b2f2a"
        strokeWidth="5"
        strokeLinecap="round"
        strokeLinejoin="round"
        fill={isOpenMouth ? '#3b2f2a' : 'none'}
      />
    </svg>
  );
}
