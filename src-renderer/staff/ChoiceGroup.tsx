import type { ReactNode } from 'react';

interface Choice<T extends string> {
  value: T;
  /** A person's words (a stick's name) come as a UserText. */
  label: ReactNode;
  /** Marks a choice that hides a problem, e.g. a language tab with a missing text. */
  hasProblem?: boolean;
}

interface ChoiceGroupProps<T extends string> {
  label: string;
  choices: readonly Choice<T>[];
  value: T;
  onChange: (value: T) => void;
  name: string;
}

/** Big toggle buttons, one pressed at a time: easier to hit than radio dots. */
export function ChoiceGroup<T extends string>({ label, choices, value, onChange, name }: ChoiceGroupProps<T>) {
  return (
    <div className="choice-group" role="group" aria-label={label}>
      {choices.map((choice) => (
        <button
          key={choice.value}
          type="button"
          className={`toggle-button${choice.hasProblem === true ? ' has-problem' : ''}`}
          data-choice={`${name}:${choice.value}`}
          aria-pressed={choice.value === value}
          onClick={() => onChange(choice.value)}
        >
          {choice.hasProblem === true ? '⚠ ' : ''}
          {choice.label}
        </button>
      ))}
    </div>
  );
}
