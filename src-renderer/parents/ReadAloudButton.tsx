import { useEffect } from 'react';
import type { LocalizedString } from '../../src-shared/contract/localize';
import { isOfflineLanguage } from '../speech/offline-languages';
import { speakPieces, stopSpeaking } from './speech';
import { useVoice } from './useVoice';

interface ReadAloudButtonProps {
  /** The language the parent chose: fi, sv and en always have the bundled voice; others need an OS voice. */
  language: string;
  label: string;
  pieces: readonly LocalizedString[];
}

/** Reads the question and its options aloud for parents who read little or see poorly. */
export function ReadAloudButton({ language, label, pieces }: ReadAloudButtonProps) {
  const voice = useVoice(language);
  useEffect(() => stopSpeaking, []);
  if (voice === null && !isOfflineLanguage(language)) return null;
  return (
    <button type="button" className="read-aloud-button" data-action="read-aloud" onClick={() => speakPieces(pieces)}>
      <svg className="toggle-icon" viewBox="0 0 24 24" aria-hidden="true">
        <path d="M3 9h4l5-4v14l-5-4H3z" fill="currentColor" />
        <path d="M15.5 8.5a5 5 0 0 1 0 7M18 6a8.5 8.5 0 0 1 0 12" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>
      <span>{label}</span>
    </button>
  );
}
