import { ownOptionKinds, pollDraftSchema, scheduleProblems, type PollDraftInput } from '../../src-shared/contract/poll-draft';
import type { Poll, PollKind } from '../../src-shared/contract/polls';
import { languageCodes, type LanguageCode } from '../../src-shared/i18n/languages';
import { toLocalIso } from './time-format';

export type Texts = Record<LanguageCode, string>;

export interface EditorOption {
  /** Kept from the poll being edited, so its answers still count for this option. */
  id?: string;
  /** Tells options apart for React while none has an id yet. */
  key: number;
  label: Texts;
}

export interface EditorState {
  kind: PollKind;
  question: Texts;
  options: EditorOption[];
  comment: boolean;
  startMode: 'now' | 'at';
  startAt: string;
  endMode: 'none' | 'after' | 'at';
  endHours: number;
  endAt: string;
}

let nextKey = 1;

const emptyTexts = (): Texts => ({ fi: '', 'fi-selko': '', sv: '', en: '', ru: '', uk: '', ar: '' });
const textsOf = (texts: Partial<Record<LanguageCode, string>>): Texts => ({ ...emptyTexts(), ...texts });

export const emptyOption = (): EditorOption => ({ key: nextKey++, label: emptyTexts() });

/** The next full hour, a sensible first guess for "later". */
function nextHour(now: Date): Date {
  const next = new Date(now);
  next.setMinutes(0, 0, 0);
  next.setHours(next.getHours() + 1);
  return next;
}

export function newEditorState(now: Date, template?: PollDraftInput): EditorState {
  const start = nextHour(now);
  const base: EditorState = {
    kind: 'single',
    question: emptyTexts(),
    options: [emptyOption(), emptyOption()],
    comment: false,
    startMode: 'now',
    startAt: toLocalIso(start),
    endMode: 'none',
    endHours: 24,
    endAt: toLocalIso(new Date(start.getTime() + 24 * 3_600_000)),
  };
  if (template === undefined) return base;
  return {
    ...base,
    kind: template.kind,
    question: textsOf(template.question),
    options: template.options.length > 0 ? template.options.map((option) => ({ key: nextKey++, id: option.id, label: textsOf(option.label) })) : base.options,
    comment: template.comment,
    endMode: template.end.type,
    endHours: template.end.type === 'after' ? template.end.hours : base.endHours,
  };
}

export function editorStateOf(poll: Poll, now: Date): EditorState {
  const base = newEditorState(now);
  return {
    ...base,
    kind: poll.kind,
    question: textsOf(poll.question),
    options: hasEditorOptions(poll.kind) ? poll.options.map((option) => ({ key: nextKey++, id: option.id, label: textsOf(option.label) })) : base.options,
    comment: poll.followUp?.comment ?? false,
    startMode: poll.startsAt === null ? 'now' : 'at',
    startAt: poll.startsAt === null ? base.startAt : toLocalIso(new Date(poll.startsAt)),
    endMode: poll.endsAt === null ? 'none' : 'at',
    endAt: poll.endsAt === null ? base.endAt : toLocalIso(new Date(poll.endsAt)),
  };
}

/** Kinds whose options the editor keeps: written ones, or pictures picked from the gallery. */
export function hasEditorOptions(kind: PollKind): boolean {
  return ownOptionKinds.has(kind) || kind === 'child-pictures';
}

/**
 * Another kind: pictures and written options do not mix, so moving between the gallery and
 * written options starts the options afresh.
 */
export function withKind(state: EditorState, kind: PollKind): Partial<EditorState> {
  const isPictures = (of: PollKind) => of === 'child-pictures';
  if (isPictures(kind) === isPictures(state.kind)) return { kind };
  return { kind, options: isPictures(kind) ? [] : [emptyOption(), emptyOption()] };
}

export function toDraft(state: EditorState): PollDraftInput {
  return {
    kind: state.kind,
    question: state.question,
    options: hasEditorOptions(state.kind)
      ? state.options.map((option) => (option.id === undefined ? { label: option.label } : { id: option.id, label: option.label }))
      : [],
    comment: state.comment,
    start: state.startMode === 'now' ? { type: 'now' } : { type: 'at', at: state.startAt },
    end:
      state.endMode === 'none'
        ? { type: 'none' }
        : state.endMode === 'after'
          ? { type: 'after', hours: state.endHours }
          : { type: 'at', at: state.endAt },
  };
}

/**
 * The very rules the main side applies, run here first so each problem shows next to its field
 * before anything is sent. Keyed by path, e.g. `question.fi` or `options.2.label.sv`.
 */
export function findProblems(state: EditorState, now: Date): Map<string, string> {
  const draft = toDraft(state);
  const found = new Map<string, string>();
  const parsed = pollDraftSchema.safeParse(draft);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.');
      if (!found.has(path)) found.set(path, issue.message);
    }
  }
  for (const problem of scheduleProblems(draft, now)) found.set(problem.path.join('.'), problem.message);
  return found;
}

/** A language whose texts have a problem, so its tab can say so while another is shown. */
export function languagesWithProblems(problems: Map<string, string>): Set<LanguageCode> {
  return new Set(languageCodes.filter((language) => [...problems.keys()].some((path) => path.endsWith(`.${language}`))));
}
