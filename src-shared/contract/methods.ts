import { z } from 'zod';
import { emptyInputSchema, healthSchema, kioskInfoSchema } from './kiosk';
import { pollSchema } from './polls';
import { followUpInputSchema, submitInputSchema } from './responses';

export interface MethodDefinition {
  input: z.ZodType;
  output: z.ZodType;
  /** Staff methods are refused unless the caller holds an unlocked staff session. */
  staff: boolean;
  summary: string;
}

/**
 * The whole surface between the screens and the main side. Both transports (Electron IPC and
 * HTTP) and the renderer's client are driven by this one map.
 */
export const methods = {
  'kiosk.info': {
    input: emptyInputSchema,
    output: kioskInfoSchema,
    staff: false,
    summary: 'Kiosk identity, site name, languages and timings for the parent screens.',
  },
  'kiosk.health': {
    input: emptyInputSchema,
    output: healthSchema,
    staff: false,
    summary: 'Counts and storage state for monitoring; also served at GET /api/health.',
  },
  'polls.active': {
    input: emptyInputSchema,
    output: z.object({ polls: z.array(pollSchema) }),
    staff: false,
    summary: 'Polls parents can answer now: the standing question first, then active quick polls.',
  },
  'responses.submit': {
    input: submitInputSchema,
    output: z.object({ responseId: z.uuid(), seq: z.number().int().min(1) }),
    staff: false,
    summary: 'Records one answer durably before it answers; the thank-you follows this.',
  },
  'responses.followUp': {
    input: followUpInputSchema,
    output: z.object({ responseId: z.uuid() }),
    staff: false,
    summary: 'Attaches chosen topics and an optional comment to an answer just given.',
  },
} as const satisfies Record<string, MethodDefinition>;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;

export const methodNames = Object.keys(methods).filter(isMethodName);

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(methods, name);
}
