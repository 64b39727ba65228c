import type { ReactNode } from 'react';

export interface StaffHeaderProps {
  title: string;
  /** The way out of this screen: back to where staff came from, or cancel an edit. */
  exit: { label: string; action: 'back' | 'cancel'; onPress: () => void; isDisabled?: boolean };
  /** Buttons shown before the way out, e.g. print or refresh. */
  children?: ReactNode;
}

/** Every staff screen's top line: its title, its own actions, and the way out at the end. */
export function StaffHeader({ title, exit, children }: StaffHeaderProps) {
  return (
    <header className="staff-header">
      <h1>{title}</h1>
      <div className="staff-header-actions">
        {children}
        <button type="button" className="secondary-button" data-action={exit.action} disabled={exit.isDisabled} onClick={exit.onPress}>
          {exit.label}
        </button>
      </div>
    </header>
  );
}
