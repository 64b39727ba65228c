import { withoutBidiControls } from '../../src-shared/text/free-text';

interface UserTextProps {
  text: string;
  /** The language the text is written in, where known (a poll text's translation, a comment's language). */
  lang?: string;
}

/**
 * A text a person wrote (a comment, a poll text, an outcome, a site name), isolated with `<bdi>`:
 * its direction is read from its own first letter and it cannot reorder the words and numbers
 * around it, as a Hebrew option label would pull the count after it to its left.
 */
export function UserText({ text, lang }: UserTextProps) {
  return <bdi lang={lang}>{withoutBidiControls(text)}</bdi>;
}
