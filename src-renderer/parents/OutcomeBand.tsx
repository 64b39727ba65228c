import { useEffect, useState } from 'react';
import { isTranslationMissing, localize } from '../../src-shared/contract/localize';
import { staffLanguageOf, type LanguageCode } from '../../src-shared/i18n/languages';
import { reportText } from '../../src-shared/i18n/report-messages';
import type { CurrentOutcome } from './useCurrentOutcomes';
import './outcome-band.css';
import { UserText } from '../user-text/UserText';

/** Long enough to read two lines slowly, short enough that a parent waiting sees more than one. */
export const outcomeTurnMs = 8000;

interface OutcomeBandProps {
  /** Today's outcomes, kept by the app for the whole session. */
  outcomes: readonly CurrentOutcome[];
  language: LanguageCode;
  /** Visits to the start screen; with reduced motion the outcome changes per visit, not on a timer. */
  visit: number;
}

/**
 * "You said, we did" under the question: the council's outcomes in turn, in the parent's
 * language. Nothing here can be tapped, so it never stands between a parent and an answer.
 */
export function OutcomeBand({ outcomes, language, visit }: OutcomeBandProps) {
  const isStill = usePrefersReducedMotion();
  const [turn, setTurn] = useState(0);
  useEffect(() => {
    if (isStill || outcomes.length < 2) return undefined;
    const timer = window.setInterval(() => setTurn((previous) => previous + 1), outcomeTurnMs);
    return () => window.clearInterval(timer);
  }, [isStill, outcomes.length]);
  const shown = outcomes[(isStill ? visit : turn) % Math.max(1, outcomes.length)];
  if (shown === undefined) return null;
  const text = localize(shown.text, language);
  return (
    <section className="outcome-band" aria-labelledby="outcome-band-heading" data-testid="outcome-band">
      {/* Its heading exists in the staff languages only; elsewhere it is Finnish, and says so to a screen reader. */}
      <h2 id="outcome-band-heading" className="outcome-band-heading" lang={staffLanguageOf(language)}>
        {reportText(language, 'outcomes.heading')}
      </h2>
      {/* A new outcome is not announced: a screen reader user answering should not be interrupted every few seconds. */}
      <p className="outcome-band-text" key={shown.id} data-outcome={shown.id}>
        <UserText text={text.text} lang={text.language} />
      </p>
      {isTranslationMissing(text, language) ? (
        <p className="translation-note outcome-band-note" lang={staffLanguageOf(language)}>
          {reportText(language, 'outcomes.missingTranslation')}
        </p>
      ) : null}
    </section>
  );
}

function usePrefersReducedMotion(): boolean {
  const query = '(prefers-reduced-motion: reduce)';
  const [matches, setMatches] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const list = window.matchMedia(query);
    const onChange = () => setMatches(list.matches);
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  }, []);
  return matches;
}
