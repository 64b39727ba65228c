import type { NamespaceHandlers } from '../api/handlers';
import type { OutcomeBook } from '../domain/outcome-book';
import { toLocalIsoString, type Clock } from '../time';

export interface OutcomeDependencies {
  outcomes: OutcomeBook;
  clock: Clock;
}

/** "You said, we did": what the council sends back to parents, shown on the start screen by day. */
export function outcomeHandlers(dependencies: OutcomeDependencies): NamespaceHandlers<'outcomes'> {
  const { outcomes, clock } = dependencies;
  /** The kiosk's local day: an outcome's dates are days on the wall calendar where it stands. */
  const today = () => toLocalIsoString(clock()).slice(0, 10);
  return {
    'outcomes.current': async () => ({ outcomes: outcomes.shownOn(today()).map(({ id, text }) => ({ id, text })) }),
    'outcomes.list': async () => ({ outcomes: outcomes.all(), today: today() }),
    'outcomes.save': async (input) => ({ outcome: await outcomes.save(input.id, input.draft, clock().toISOString()) }),
    'outcomes.remove': async (input) => {
      await outcomes.remove(input.id);
      return {};
    },
  };
}
