import { useId, useState, type ReactNode } from 'react';

interface ReasonedButtonProps {
  /** Why the button cannot be used now; null when it can. */
  reason: string | null;
  onPress: () => void;
  className: string;
  action: string;
  children: ReactNode;
}

/**
 * A button that may not be usable yet. It looks plainly unusable then, and a touch says why
 * instead of doing nothing: a disabled button would swallow the touch without a word.
 */
export function ReasonedButton({ reason, onPress, className, action, children }: ReasonedButtonProps) {
  const reasonId = useId();
  const [isTellingWhy, setIsTellingWhy] = useState(false);
  const isUnusable = reason !== null;
  return (
    <span className="reasoned-button">
      <button
        type="button"
        className={`${className}${isUnusable ? ' is-unusable' : ''}`}
        data-action={action}
        aria-disabled={isUnusable ? true : undefined}
        aria-describedby={isUnusable && isTellingWhy ? reasonId : undefined}
        onClick={() => (isUnusable ? setIsTellingWhy(true) : onPress())}
      >
        {children}
      </button>
      {isUnusable && isTellingWhy ? (
        <span className="unusable-reason" id={reasonId} role="status" data-fact={`${action}-reason`}>
          {reason}
        </span>
      ) : null}
    </span>
  );
}
