import { useEffect, useState } from 'react';
import { listVoices, onVoicesChanged, voiceFor } from './speech';

/** The voice for a language, or null; voices often arrive a moment after start-up, so it listens for them. */
export function useVoice(language: string): SpeechSynthesisVoice | null {
  const [voices, setVoices] = useState(listVoices);
  useEffect(() => onVoicesChanged(() => setVoices(listVoices())), []);
  return voiceFor(voices, language);
}
