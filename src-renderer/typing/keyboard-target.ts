import { createContext, useContext } from 'react';

/** The field the on-screen keyboard types into. */
export interface KeyboardTarget {
  id: string;
  read(): string;
  write(value: string): void;
  maxLength: number;
}

export interface KeyboardControl {
  activeId: string | null;
  activate(target: KeyboardTarget): void;
}

export const KeyboardContext = createContext<KeyboardControl | null>(null);

export function useKeyboardControl(): KeyboardControl | null {
  return useContext(KeyboardContext);
}

/** What a key does to the text; returns null for keys that change no text (shift, done). */
export function applyKey(text: string, key: string, maxLength: number): string | null {
  if (key === '{bksp}') return [...text].slice(0, -1).join('');
  if (key === '{space}') return text.length < maxLength ? `${text} ` : text;
  if (key.startsWith('{')) return null;
  return text.length + key.length <= maxLength ? text + key : text;
}
