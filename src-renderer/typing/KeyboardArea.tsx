import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { LanguageCode } from '../../src-shared/i18n/languages';
import type { ParentMessages } from '../../src-shared/i18n/parents/parent-keys';
import { KeyboardContext, applyKey, type KeyboardTarget } from './keyboard-target';
import { OnScreenKeyboard } from './OnScreenKeyboard';
import { swallowRestOfPress } from './swallow-press';
import './typing.css';

interface KeyboardAreaProps {
  texts: ParentMessages;
  /** Whose letters the keyboard shows first; the staff area passes its own language (fi, sv or en), so it types Latin. */
  language: LanguageCode;
  children: ReactNode;
  /** Where the keyboard docks; the content above it scrolls when it needs room. */
  className?: string;
  /** Stays in sight above the keyboard however far the content scrolls, e.g. a form's save buttons. */
  footer?: ReactNode;
  /** Shift comes on by itself at the start of a field and after a full stop (the staff's forms). */
  hasSentenceCase?: boolean;
}

/** A screen with text fields: the keyboard opens under the content when a field is touched. */
export function KeyboardArea({ texts, language, children, className, footer, hasSentenceCase = false }: KeyboardAreaProps) {
  const target = useRef<KeyboardTarget | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [isSentenceStart, setIsSentenceStart] = useState(false);
  const control = {
    activeId,
    activate(next: KeyboardTarget) {
      target.current = next;
      setActiveId(next.id);
      setIsSentenceStart(startsSentence(next.read()));
    },
  };
  // The keyboard takes the lower part of the screen and the content shrinks above it: once it is
  // laid out, the field being typed in (with its label) is brought into sight above it. The field
  // is found by its id, as focus may not have moved to it yet when a touch activates it.
  useEffect(() => {
    if (activeId === null) return undefined;
    const frame = window.requestAnimationFrame(() => {
      const field = document.getElementById(activeId);
      (field?.closest('.text-field') ?? field)?.scrollIntoView({ block: 'nearest' });
    });
    return () => window.cancelAnimationFrame(frame);
  }, [activeId]);

  const type = (key: string) => {
    const current = target.current;
    if (current === null) return;
    const next = applyKey(current.read(), key, current.maxLength);
    if (next === null) return;
    current.write(next);
    setIsSentenceStart(startsSentence(next));
  };
  const close = () => {
    swallowRestOfPress();
    target.current = null;
    setActiveId(null);
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  };
  return (
    <KeyboardContext.Provider value={control}>
      <div className={`keyboard-area ${className ?? ''}`}>
        <div className="keyboard-area-content">{children}</div>
        {footer}
        {activeId === null ? null : (
          <OnScreenKeyboard key={activeId} texts={texts} language={language} isSentenceStart={hasSentenceCase && isSentenceStart} onKey={type} onDone={close} />
        )}
      </div>
    </KeyboardContext.Provider>
  );
}

/** Finnish, Swedish and English sentence case: a capital at the start of a field and after a full stop. */
function startsSentence(text: string): boolean {
  return /(^|[.!?]\s+)$/u.test(text);
}
