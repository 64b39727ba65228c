import { z } from 'zod';
import type { StaffDraft } from '../../../src-shared/contract/staff-session';
import { pollKinds } from '../../../src-shared/contract/polls';
import { languageCodes } from '../../../src-shared/i18n/languages';
import { emptyOption, type EditorState } from '../editor-state';
import { payloadOfDraft } from './draft-payload';

const textsSchema = z.object(Object.fromEntries(languageCodes.map((code) => [code, z.string()])) as Record<(typeof languageCodes)[number], z.ZodString>);

/** The editor's state as it went out with a keep-alive. */
const editorStateSchema = z.object({
  kind: z.enum(pollKinds),
  question: textsSchema,
  options: z.array(z.object({ id: z.string().optional(), key: z.number(), label: textsSchema })),
  comment: z.boolean(),
  startMode: z.enum(['now', 'at']),
  startAt: z.string(),
  endMode: z.enum(['none', 'after', 'at']),
  endHours: z.number(),
  endAt: z.string(),
});

export interface EditorDraft {
  pollId: string | null;
  answers: number;
  state: EditorState;
}

export function draftOfEditor({ pollId, answers, state }: EditorDraft): StaffDraft {
  return { screen: 'poll-editor', pollId, answers, payload: JSON.stringify(state) };
}

/** The editor as it was, or null when the kept draft is not one this screen can read. */
export function editorOfDraft(draft: StaffDraft): EditorDraft | null {
  const parsed = payloadOfDraft(draft, 'poll-editor', editorStateSchema);
  if (parsed === null) return null;
  // Fresh keys: the ones in the draft may collide with options made since.
  const options = parsed.options.map((option) => ({ ...option, key: emptyOption().key }));
  return { pollId: draft.pollId, answers: draft.answers, state: { ...parsed, options } };
}
