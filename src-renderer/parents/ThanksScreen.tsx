import type { ParentMessages } from '../../src-shared/i18n/parents/parent-keys';
import { useFocusOnShow } from './useFocusOnShow';

interface ThanksScreenProps {
  texts: ParentMessages;
  onBack: () => void;
}

export function ThanksScreen({ texts, onBack }: ThanksScreenProps) {
  const heading = useFocusOnShow<HTMLHeadingElement>();
  return (
    <main className="screen message-screen thanks-screen" data-screen="thanks">
      <div className="message-mark" aria-hidden="true">
        ♥
      </div>
      <div role="status">
        <h1 ref={heading} tabIndex={-1}>
          {texts['thanks.title']}
        </h1>
      </div>
      <p className="message-body">{texts['thanks.body']}</p>
      <button type="button" className="secondary-button" onClick={onBack}>
        {texts['thanks.back']}
      </button>
    </main>
  );
}
