import { useRef } from 'react';

/** Long enough that a child's tap or a parent's lean never opens it. */
const holdMs = 2000;

interface HiddenStaffCornerProps {
  onOpen: () => void;
}

/**
 * The staff area's door: a press held on the top corner of the start screen. Nothing is drawn
 * and nothing is announced, so no parent is invited to try; staff are shown it once.
 */
export function HiddenStaffCorner({ onOpen }: HiddenStaffCornerProps) {
  const timer = useRef<number | undefined>(undefined);
  const cancel = () => window.clearTimeout(timer.current);
  return (
    <div
      className="hidden-staff-corner"
      aria-hidden="true"
      data-staff-corner=""
      onPointerDown={() => {
        cancel();
        timer.current = window.setTimeout(onOpen, holdMs);
      }}
      onPointerUp={cancel}
      onPointerLeave={cancel}
      onPointerCancel={cancel}
    />
  );
}
