import { Fragment, type ReactNode } from 'react';
import { UserText } from './UserText';

/**
 * A translated sentence with a person's words in it ("Batch 3 exported to the folder {folder}:
 * 12 answers."): each `{name}` in `userTexts` becomes that text isolated, so the sentence keeps
 * its order whatever script the words are in; `values` are filled in as they are.
 */
export function fillWithUserText(template: string, values: Record<string, string | number>, userTexts: Record<string, string>): ReactNode[] {
  return template.split(/(\{\w+\})/).map((piece, index) => {
    const name = /^\{(\w+)\}$/.exec(piece)?.[1];
    if (name === undefined) return <Fragment key={index}>{piece}</Fragment>;
    const userText = userTexts[name];
    if (userText !== undefined) return <UserText key={index} text={userText} />;
    return <Fragment key={index}>{String(values[name] ?? piece)}</Fragment>;
  });
}
