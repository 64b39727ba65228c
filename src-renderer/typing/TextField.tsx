import { useId, useRef } from 'react';
import { useKeyboardControl } from './keyboard-target';

interface TextFieldProps {
  label: string;
  value: string;
  maxLength: number;
  onChange: (value: string) => void;
  /** Shown under the field and tied to it for screen readers. */
  problem?: string | null;
  lang?: string;
  isMultiline?: boolean;
  name?: string;
}

/**
 * A text field typed with the on-screen keyboard. `inputMode="none"` keeps a tablet's own
 * keyboard away; a physical keyboard still works where one happens to be plugged in.
 */
export function TextField({ label, value, maxLength, onChange, problem, lang, isMultiline, name }: TextFieldProps) {
  const id = useId();
  const keyboard = useKeyboardControl();
  const latest = useRef({ value, onChange });
  latest.current = { value, onChange };
  const isActive = keyboard?.activeId === id;
  const activate = () =>
    keyboard?.activate({ id, maxLength, read: () => latest.current.value, write: (next) => latest.current.onChange(next) });
  const problemId = `${id}-problem`;
  const common = {
    id,
    name,
    value,
    lang,
    // What is typed takes its direction from its own first letter, as it will when shown; an
    // empty field keeps the page's, so on a right-to-left page the caret starts on the right.
    dir: value === '' ? undefined : 'auto',
    maxLength,
    inputMode: 'none' as const,
    autoComplete: 'off',
    spellCheck: false,
    'aria-invalid': problem !== null && problem !== undefined ? true : undefined,
    'aria-describedby': problem !== null && problem !== undefined ? problemId : undefined,
    className: `text-field-input${isActive ? ' is-typing' : ''}`,
    onFocus: activate,
    // A tap, not a press: a swipe to scroll that starts on a field must not take the caret there.
    onClick: activate,
  };
  return (
    <div className={`text-field${problem ? ' has-problem' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {isMultiline === true ? (
        <textarea {...common} rows={3} onChange={(event) => onChange(event.target.value.slice(0, maxLength))} />
      ) : (
        <input {...common} type="text" onChange={(event) => onChange(event.target.value.slice(0, maxLength))} />
      )}
      {problem ? (
        <p className="field-problem" id={problemId}>
          {problem}
        </p>
      ) : null}
    </div>
  );
}
