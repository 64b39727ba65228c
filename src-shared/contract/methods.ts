import { z } from 'zod';
import {
  batchListSchema,
  exportRunInputSchema,
  exportRunOutputSchema,
  exportStatusSchema,
  exportTargetSchema,
  reexportInputSchema,
  targetIdSchema,
} from './exports';
import { qrFramesInputSchema, qrFramesSchema } from './qr';
import { emptyInputSchema, healthSchema, kioskInfoSchema } from './kiosk';
import { pollDraftSchema } from './poll-draft';
import { pollPackImportSchema, pollPackPreviewSchema } from './poll-pack';
import { currentOutcomesSchema, outcomeListSchema, outcomeSaveInputSchema, outcomeSchema } from './outcomes';
import { identifierSchema, pollSchema } from './polls';
import { reportInputSchema, reportOutputSchema } from './report';
import { followUpInputSchema, submitInputSchema } from './responses';
import { resultsInputSchema, resultsSchema } from './results';
import { settingsInputSchema, settingsViewSchema } from './settings';
import { keepAliveInputSchema, keepAliveOutputSchema, takeDraftOutputSchema } from './staff-session';
import { changePinInputSchema, overviewSchema, sessionSchema, setupInputSchema, staffStatusSchema, unlockInputSchema } from './staff';

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
  'staff.status': {
    input: emptyInputSchema,
    output: staffStatusSchema,
    staff: false,
    summary: 'Whether the kiosk is set up, and whether wrong PINs have paused unlocking.',
  },
  'staff.setup': {
    input: setupInputSchema,
    output: z.object({}),
    staff: false,
    summary: 'First start only: site name, staff PIN and languages. Refused once the kiosk is set up.',
  },
  'staff.unlock': {
    input: unlockInputSchema,
    output: sessionSchema,
    staff: false,
    summary: 'Opens a staff session with the PIN; five wrong PINs pause unlocking, longer each time.',
  },
  'staff.keepAlive': {
    input: keepAliveInputSchema,
    output: keepAliveOutputSchema,
    staff: true,
    summary: 'Keeps the caller’s staff session open while staff touch the screen, and keeps the form being edited as a draft.',
  },
  'staff.takeDraft': {
    input: emptyInputSchema,
    output: takeDraftOutputSchema,
    staff: true,
    summary: 'Hands back, once, the form a staff session was editing when it ended.',
  },
  'staff.lock': {
    input: emptyInputSchema,
    output: z.object({}),
    staff: true,
    summary: 'Ends the caller’s staff session now.',
  },
  'staff.changePin': {
    input: changePinInputSchema,
    output: z.object({}),
    staff: true,
    summary: 'Replaces the staff PIN; other staff sessions end.',
  },
  'staff.overview': {
    input: emptyInputSchema,
    output: overviewSchema,
    staff: true,
    summary: 'Every poll with its answer count, answers not yet exported and the last export time.',
  },
  'polls.save': {
    input: z.object({ pollId: identifierSchema.nullable(), draft: pollDraftSchema }).strict(),
    output: z.object({ poll: pollSchema, isNewVersion: z.boolean() }),
    staff: true,
    summary: 'Creates a quick poll, or edits one; a poll that has answers gets a new version instead.',
  },
  'polls.setState': {
    input: z.object({ pollId: identifierSchema, state: z.enum(['active', 'paused', 'closed']) }).strict(),
    output: z.object({ poll: pollSchema }),
    staff: true,
    summary: 'Activates, pauses or closes a quick poll; a closed poll stays closed.',
  },
  'results.poll': {
    input: resultsInputSchema,
    output: resultsSchema,
    staff: true,
    summary: 'Counts and shares per option, answers by day and by hour, and comments, for a date range.',
  },
  'settings.get': {
    input: emptyInputSchema,
    output: settingsViewSchema,
    staff: true,
    summary: 'Site name, languages, timings and the kiosk’s own clock.',
  },
  'settings.update': {
    input: settingsInputSchema,
    output: settingsViewSchema,
    staff: true,
    summary: 'Changes the site name, the languages shown and the timings.',
  },
  'exports.targets': {
    input: emptyInputSchema,
    output: z.object({ targets: z.array(exportTargetSchema) }),
    staff: true,
    summary: 'USB sticks and export folders present now, each with its name and free space.',
  },
  'exports.batches': {
    input: emptyInputSchema,
    output: batchListSchema,
    staff: true,
    summary: 'Every sealed batch with its hash and when it last reached a stick; answers not yet exported.',
  },
  'exports.run': {
    input: exportRunInputSchema,
    output: exportRunOutputSchema,
    staff: true,
    summary: 'Seals the new answers into the next batch and writes every unexported batch to the stick, read back and checked.',
  },
  'exports.reexport': {
    input: reexportInputSchema,
    output: exportRunOutputSchema,
    staff: true,
    summary: 'Writes an earlier batch to a stick again, byte for byte the same.',
  },
  'exports.progress': {
    input: emptyInputSchema,
    output: exportStatusSchema,
    staff: true,
    summary: 'Whether an export is running and how far it is, for a progress bar.',
  },
  'exports.qrFrames': {
    input: qrFramesInputSchema,
    output: qrFramesSchema,
    staff: true,
    summary: 'A sealed batch as an animated QR code (BC-UR frames in showing order) and a one-frame plain-text summary.',
  },
  'polls.previewPack': {
    input: z.object({ targetId: targetIdSchema }).strict(),
    output: pollPackPreviewSchema,
    staff: true,
    summary: 'Reads kerro-polls.json from a stick and says what importing it would add; changes nothing.',
  },
  'polls.importPack': {
    input: z.object({ targetId: targetIdSchema }).strict(),
    output: pollPackImportSchema,
    staff: true,
    summary: 'Adds the polls of kerro-polls.json from a stick, all or none; a broken or conflicting pack changes nothing.',
  },
  'polls.exportPack': {
    input: z.object({ targetId: targetIdSchema, replace: z.boolean().optional() }).strict(),
    output: z.object({ target: z.string(), file: z.string(), bytes: z.number().int().min(0), polls: z.number().int().min(0) }),
    staff: true,
    summary: 'Writes this kiosk’s polls to kerro-polls.json on a stick, to set up another kiosk the same way.',
  },
  'outcomes.current': {
    input: emptyInputSchema,
    output: currentOutcomesSchema,
    staff: false,
    summary: '"You said, we did" outcomes to show on the start screen today, by the kiosk’s clock.',
  },
  'outcomes.list': {
    input: emptyInputSchema,
    output: outcomeListSchema,
    staff: true,
    summary: 'Every "you said, we did" outcome, shown or not, and the kiosk’s day.',
  },
  'outcomes.save': {
    input: outcomeSaveInputSchema,
    output: z.object({ outcome: outcomeSchema }),
    staff: true,
    summary: 'Adds an outcome (id null) or changes one: Finnish text required, Swedish and English optional, first and last day.',
  },
  'outcomes.remove': {
    input: z.object({ id: z.uuid() }).strict(),
    output: z.object({}),
    staff: true,
    summary: 'Removes an outcome from the start screen and the list.',
  },
  'reports.council': {
    input: reportInputSchema,
    output: reportOutputSchema,
    staff: true,
    summary: 'The council report for a period: its data (small groups shown as < 5) and the same as a self-contained A4 HTML page.',
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
