import { z } from 'zod';
import { drawingCanvas, drawingColorNames, drawingLimits, pointCount, type Drawing, type Stroke } from './drawing';

// Apart from drawing.ts so that the children's drawing screen, which needs only the canvas, the
// colours and the limits, does not bring zod along.

const coordinateSchema = z.number().int().min(0).max(drawingCanvas.width);

const strokeSchema = z
  .object({
    color: z.enum(drawingColorNames),
    /** x, y, x, y, …: one point (a dot) or more. */
    points: z
      .array(coordinateSchema)
      .min(2)
      .max(drawingLimits.pointsPerStroke * 2)
      .refine((points) => points.length % 2 === 0, 'A stroke needs an x and a y for every point')
      .refine((points) => points.every((value, index) => index % 2 === 0 || value <= drawingCanvas.height), 'A point lies below the canvas'),
  })
  .strict() satisfies z.ZodType<Stroke>;

export const drawingSchema = z
  .object({ strokes: z.array(strokeSchema).min(1, 'A drawing needs at least one stroke').max(drawingLimits.strokes) })
  .strict()
  .refine((drawing) => pointCount(drawing) <= drawingLimits.points, `A drawing holds at most ${drawingLimits.points} points`) satisfies z.ZodType<Drawing>;

