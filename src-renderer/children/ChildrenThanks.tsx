import { useEffect } from 'react';
import type { ParentMessages } from '../../src-shared/i18n/parents/parent-keys';
import type { LanguageCode } from '../../src-shared/i18n/languages';
import { useFocusOnShow } from '../parents/useFocusOnShow';
import { childWayPicture } from './child-pictograms';
import { HomeButton } from './HomeButton';
import { readAloud, stopReading } from './read-aloud';
import './children.css';

export interface ChildrenThanksProps {
  language: LanguageCode;
  texts: ParentMessages;
  onHome: () => void;
}

/** The child hears the thank-you too; the kiosk goes back to the start on its own. */
export function ChildrenThanks({ language, texts, onHome }: ChildrenThanksProps) {
  const heading = useFocusOnShow<HTMLHeadingElement>();
  const thanks = texts['children.thanks'];
  useEffect(() => {
    readAloud({ text: thanks, language });
    return stopReading;
  }, [thanks, language]);
  return (
    <main className="screen children-screen children-thanks" data-screen="children-thanks">
      <img className="children-thanks-picture" src={childWayPicture} alt="" draggable={false} />
      <div role="status">
        <h1 ref={heading} tabIndex={-1} className="children-question">
          {thanks}
        </h1>
      </div>
      <HomeButton label={texts['children.home']} onHome={onHome} />
    </main>
  );
}
