// What the UI bench puts into a page before the page's own scripts run: it records when each
// screen appears and when the frame after it has been drawn, when a finger is lifted and when an
// answer's body has been read, so the app itself carries no timing code. Each function here is
// sent to the browser as source text: it may use nothing from this module's scope.

export interface ScreenEntry {
  screen: string;
  shown: number;
  /** The first frame callback after the screen appeared: the frame that draws it has begun. */
  frame: number | null;
  painted: number | null;
}

export interface ProbeState {
  /** pointerup as the page receives it, before any handler of the app. */
  lifts: number[];
  /** When a Response body had been read and parsed (`response.json()` resolved). */
  parsed: number[];
  screens: ScreenEntry[];
  /** Called once a screen's frame has been painted. */
  waiters: (() => void)[];
  /** The browser's own timer, kept before any time lapse is put in. */
  setTimeout: (callback: () => void, delay: number) => number;
  /** Resolves with the first screen whose name starts so, shown at or after `since`, once it has been painted. */
  whenPainted: (screen: string, since: number) => Promise<ScreenEntry>;
  /** Set by the tap bench: brings its page back to where the next tap can land. */
  readyForTap: (isKiosk: boolean) => Promise<void>;
}

declare global {
  interface Window {
    kerroBench: ProbeState;
  }
}

/**
 * Installs the probe. With `timeLapse` above 1 every timer the page sets runs that many times
 * sooner: the parents' waits (a 1.2 s cool-down, the 5 s thank-you, the 30 s idle return) are
 * made for people, and waiting them out would make the bench hours long. The probe's own timer
 * keeps the browser's.
 */
export function installProbe(timeLapse: number): void {
  // Kept short, so that a soak of thousands of answers does not measure the probe's own memory.
  const keep = 50;
  const remember = <Item,>(list: Item[], item: Item) => {
    list.push(item);
    if (list.length > keep) list.splice(0, list.length - keep);
  };
  const realSetTimeout = window.setTimeout.bind(window);
  const realSetInterval = window.setInterval.bind(window);
  const state: ProbeState = {
    lifts: [],
    parsed: [],
    screens: [],
    waiters: [],
    setTimeout: (callback, delay) => realSetTimeout(callback, delay),
    readyForTap: () => Promise.reject(new Error('The tap bench has not set up this page')),
    whenPainted: (screen, since) =>
      new Promise((resolve) => {
        const check = () => {
          const entry = state.screens.find((candidate) => candidate.screen.startsWith(screen) && candidate.shown >= since && candidate.painted !== null);
          if (entry === undefined) state.waiters.push(check);
          else resolve(entry);
        };
        check();
      }),
  };
  window.kerroBench = state;
  if (timeLapse > 1) {
    const lapse = (delay: unknown) => (typeof delay === 'number' ? delay / timeLapse : 0);
    // Object.assign: this project's types merge Node's timers into the DOM's, which no page function can match.
    Object.assign(window, {
      setTimeout: (handler: TimerHandler, delay?: number, ...rest: unknown[]) => realSetTimeout(handler, lapse(delay), ...rest),
      setInterval: (handler: TimerHandler, delay?: number, ...rest: unknown[]) => realSetInterval(handler, lapse(delay), ...rest),
    });
  }
  addEventListener('pointerup', () => remember(state.lifts, performance.now()), { capture: true });
  const readJson = Response.prototype.json;
  Response.prototype.json = async function json(this: Response) {
    const value: unknown = await readJson.call(this);
    remember(state.parsed, performance.now());
    return value;
  };
  new MutationObserver(() => {
    const screen = document.querySelector('[data-screen]')?.getAttribute('data-screen') ?? null;
    const last = state.screens.at(-1);
    if (screen === null || last?.screen === screen) return;
    const entry: ScreenEntry = { screen, shown: performance.now(), frame: null, painted: null };
    remember(state.screens, entry);
    // A frame callback runs just before the frame is drawn; a task queued from it runs after.
    requestAnimationFrame(() => {
      entry.frame = performance.now();
      realSetTimeout(() => {
        entry.painted = performance.now();
        for (const waiter of state.waiters.splice(0)) waiter();
      }, 0);
    });
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-screen'] });
}
