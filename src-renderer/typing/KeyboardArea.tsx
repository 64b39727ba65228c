import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { LanguageCode } from '../../src-shared/i18n/languages';
import type { ParentMessages } from '../../src-shared/i18n/parents/parent-keys';
import { KeyboardContext, applyKey, type KeyboardTarget } from './keyboard-target';
import { OnScreenKeyboard } from './OnScreenKeyboard';
import './typing.css';

interface KeyboardAreaProps {
  texts: ParentMessages;
  /** Whose letters the keyboard shows first; the staff area passes its own language (fi, sv or en), so it types Latin. */
  language: LanguageCode;
  children: ReactNode;
  /** Where the keyboard docks; the content above it scrolls when it needs room. */
  className?: string;
}

/** A screen with text fields: the keyboard opens under the content when a field is touched. */
export function KeyboardArea({ texts, language, children, className }: KeyboardAreaProps) {
  const target = useRef<KeyboardTarget | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const control = {
    activeId,
    activate(next: KeyboardTarget) {
      target.current = next;
      setActiveId(next.id);
    },
  };
  // The keyboard takes the lower part of the screen; the field being typed in must stay in sight.
  useEffect(() => {
    if (activeId === null) return;
    const field = document.activeElement;
    if (field instanceof HTMLElement) field.scrollIntoView({ block: 'nearest' });
  }, [activeId]);

  const type = (key: string) => {
    const current = target.current;
    if (current === null) return;
    const next = applyKey(current.read(), key, current.maxLength);
    if (next !== null) current.write(next);
  };
  const close = () => {
    target.current = null;
    setActiveId(null);
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  };
  return (
    <KeyboardContext.Provider value={control}>
      <div className={`keyboard-area ${className ?? ''}`}>
        <div className="keyboard-area-content">{children}</div>
        {activeId === null ? null : <OnScreenKeyboard texts={texts} language={language} onKey={type} onDone={close} />}
      </div>
    </KeyboardContext.Provider>
  );
}
