import { describe, expect, it } from 'vitest';
import { hintWindow, scanHint, type Corner, type ScanLook } from '../../src-shared/qr/scan-hint';

/** A code found but not read: a square of `side` px, or the given corners. */
function unread(corners: readonly [Corner, Corner, Corner, Corner], modules: number | null = 97): ScanLook {
  return { kind: 'unread', corners, modules, pictureHeight: 720 };
}

function square(side: number, left = 400, top = 100): [Corner, Corner, Corner, Corner] {
  return [
    { x: left, y: top },
    { x: left + side, y: top },
    { x: left + side, y: top + side },
    { x: left, y: top + side },
  ];
}

const none: ScanLook = { kind: 'none' };
const repeated = (look: ScanLook, count = hintWindow) => Array.from({ length: count }, () => look);

describe('the receiver’s hint', () => {
  it('keeps quiet while codes are read, and until it has looked long enough', () => {
    expect(scanHint([...repeated(none, hintWindow - 1), { kind: 'read' }])).toBeNull();
    expect(scanHint(repeated(none, hintWindow - 1))).toBeNull();
    // A read long ago does not silence the hint.
    expect(scanHint([{ kind: 'read' }, ...repeated(none)])).toBe('aim');
  });

  it('asks to aim and come closer when no code is found', () => {
    expect(scanHint(repeated(none))).toBe('aim');
    // Found now and then: what was found says what helps.
    expect(scanHint([...repeated(none, hintWindow - 2), unread(square(300)), none])).toBe('closer');
  });

  it('asks to come closer when the code found is small in the picture', () => {
    // 300 px over 97 modules is 3.1 px a module.
    expect(scanHint(repeated(unread(square(300))))).toBe('closer');
    // Without the version, by its share of the picture.
    expect(scanHint(repeated(unread(square(300), null)))).toBe('closer');
    expect(scanHint(repeated(unread(square(500), null)))).toBe('still');
  });

  it('asks to tilt less when the code is seen at an angle, and to hold still otherwise', () => {
    const trapezoid: [Corner, Corner, Corner, Corner] = [
      { x: 400, y: 100 },
      { x: 900, y: 160 },
      { x: 900, y: 540 },
      { x: 400, y: 600 },
    ];
    expect(scanHint(repeated(unread(trapezoid)))).toBe('tiltLess');
    const sheared: [Corner, Corner, Corner, Corner] = [
      { x: 400, y: 100 },
      { x: 900, y: 100 },
      { x: 1050, y: 600 },
      { x: 550, y: 600 },
    ];
    expect(scanHint(repeated(unread(sheared)))).toBe('tiltLess');
    // Turned in the picture's plane is not tilted.
    const turned = square(500).map(({ x, y }) => ({ x: 650 + (x - 650) * Math.cos(0.3) - (y - 350) * Math.sin(0.3), y: 350 + (x - 650) * Math.sin(0.3) + (y - 350) * Math.cos(0.3) }));
    const [a, b, c, d] = turned;
    if (a === undefined || b === undefined || c === undefined || d === undefined) throw new Error('four corners');
    expect(scanHint(repeated(unread([a, b, c, d])))).toBe('still');
    // An error before the corners were known (zxing gives them as zeros).
    expect(scanHint(repeated(unread(square(0), null)))).toBe('still');
  });
});
