import type { Drawing } from '../../src-shared/contract/drawing';
import type { Poll } from '../../src-shared/contract/polls';

/** A child's drawing of two strokes, one of a single point, as the drawing screen sends it. */
export const sampleDrawing: Drawing = {
  strokes: [
    { color: 'blue', points: [100, 100, 200, 150, 300, 120] },
    { color: 'red', points: [500, 400] },
  ],
};

/** A children's drawing poll, active from `now`. */
export const drawingPoll = (now: Date): Poll => ({
  id: 'child-wish',
  version: 1,
  kind: 'child-drawing',
  standing: false,
  state: 'active',
  question: { fi: 'Piirrä toive' },
  options: [],
  followUp: null,
  startsAt: null,
  endsAt: null,
  createdAt: now.toISOString(),
});
