import { z } from 'zod';
import { languageSchema, pollKinds, pollSchema } from './polls';
import { fiveOrMore } from '../privacy/small-groups';
import { localDateSchema } from './results';

/** A report of a longer span than this is no longer one page, nor one council's business. */
export const reportMaxDays = 366;

export const reportInputSchema = z
  .object({
    /** Local calendar days, both included. */
    from: localDateSchema,
    to: localDateSchema,
  })
  .strict()
  .refine((input) => input.from <= input.to, { message: 'The period ends before it starts', path: ['to'] })
  .refine((input) => daysBetween(input.from, input.to) < reportMaxDays, { message: 'The period is too long', path: ['to'] });

export type ReportInput = z.output<typeof reportInputSchema>;

/** `null` is a small group: fewer than five answers, shown as "< 5"; see ShownCount. */
const shownCountSchema = z.union([z.number().int().min(0), z.literal(fiveOrMore)]).nullable();
const labelSchema = pollSchema.shape.question;

const totalsSchema = z.object({
  all: z.number().int().min(0),
  /** Answers marked as part of a quick run of taps (a child, for example). */
  flagged: z.number().int().min(0),
  withoutFlagged: z.number().int().min(0),
});

export const councilReportSchema = z.object({
  language: languageSchema,
  siteName: z.string(),
  kioskId: z.string(),
  from: localDateSchema,
  to: localDateSchema,
  /** The period compared with; null when there is none (the first batch, or one whose previous batch is gone). */
  previousFrom: localDateSchema.nullable(),
  previousTo: localDateSchema.nullable(),
  generatedAt: z.string(),
  /** Set when the report is of one export batch: its number and answer numbers. */
  batch: z.object({ number: z.number().int().min(1), seqFrom: z.number().int().min(1), seqTo: z.number().int().min(1) }).nullable(),
  totals: totalsSchema,
  previousTotals: totalsSchema,
  standing: z
    .object({
      question: labelSchema,
      total: z.number().int().min(0),
      previousTotal: z.number().int().min(0),
      options: z.array(
        z.object({
          id: z.string(),
          label: labelSchema,
          count: z.number().int().min(0),
          share: z.number().min(0).max(1),
          previousCount: z.number().int().min(0),
          previousShare: z.number().min(0).max(1),
        }),
      ),
    })
    .nullable(),
  polls: z.array(
    z.object({
      pollId: z.string(),
      kind: z.enum(pollKinds),
      /** The standing question's options are shown with its trend; here only its topics. */
      standing: z.boolean(),
      question: labelSchema,
      totals: totalsSchema,
      options: z.array(z.object({ id: z.string(), label: labelSchema, count: z.number().int().min(0), share: z.number().min(0).max(1) })),
      topics: z.array(z.object({ id: z.string(), label: labelSchema, count: shownCountSchema })),
    }),
  ),
  /** Rows Monday to Sunday, one column per hour in `hours`. */
  heatMap: z.object({ hours: z.array(z.number().int().min(0).max(23)), cells: z.array(z.array(shownCountSchema)) }),
  languages: z.array(z.object({ language: languageSchema, count: shownCountSchema })),
  comments: z.array(z.object({ answeredAt: z.string(), text: z.string() })),
  /**
   * Answers by audience, children's apart from adults'; a small group of either is hidden as
   * everywhere else. Fewer than five children: their polls and drawings are left out too.
   */
  audiences: z.object({ adult: shownCountSchema, child: shownCountSchema }),
  /** Children's drawings as SVG, only in the report written to an export folder, never on the kiosk's screens. */
  drawings: z.array(z.object({ answeredAt: z.string(), svg: z.string() })),
  drawingsNotShown: z.number().int().min(0),
  commentsNotShown: z.number().int().min(0),
});

export type CouncilReport = z.output<typeof councilReportSchema>;

export const reportOutputSchema = z.object({ report: councilReportSchema, html: z.string() });

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
