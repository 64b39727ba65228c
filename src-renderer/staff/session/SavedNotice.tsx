import { useEffect, useRef } from 'react';

interface SavedNoticeProps {
  text: string;
  onGone: () => void;
}

/** How long a confirmation stays: long enough to read twice. */
const shownMs = 8000;

/** Says in words what a save did, on the screen staff land on afterwards. */
export function SavedNotice({ text, onGone }: SavedNoticeProps) {
  const latestOnGone = useRef(onGone);
  latestOnGone.current = onGone;
  useEffect(() => {
    const timer = window.setTimeout(() => latestOnGone.current(), shownMs);
    return () => window.clearTimeout(timer);
  }, [text]);
  return (
    <div className="saved-notice" role="status" data-notice="saved">
      <span aria-hidden="true">✓ </span>
      {text}
    </div>
  );
}
