/**
 * Small-group protection: a breakdown (by hour, weekday, language, topic) never shows how many
 * answered in a cell of fewer than five, because at a small family centre a handful of answers
 * at 9 on a Tuesday can point to one family. Every chart that breaks answers down goes through
 * here, so the kiosk's report and the receiver page follow one rule.
 */
export const smallGroupMinimum = 5;

/**
 * A count as it may be shown: the number; `null` for a small group ("< 5"); or `fiveOrMore` for
 * a cell of five or more hidden only so that a small one cannot be worked out ("≥ 5", still true).
 */
export type ShownCount = number | null | typeof fiveOrMore;
export const fiveOrMore = 'fiveOrMore';

export interface BreakdownOptions {
  /**
   * The breakdown's total is printed beside it, so a single hidden cell could be worked out by
   * subtraction; more cells are then hidden until the hidden ones add up to at least five.
   */
  isTotalShown: boolean;
}

export function isSmallGroup(count: number): boolean {
  return count > 0 && count < smallGroupMinimum;
}

/**
 * The counts of one breakdown, each either shown or hidden. A zero stays visible: it says no one
 * answered then, which points to nobody.
 */
export function protectBreakdown(counts: readonly number[], options: BreakdownOptions): ShownCount[] {
  const hidden = counts.map(isSmallGroup);
  const small = [...hidden];
  if (options.isTotalShown) {
    const hiddenSum = () => counts.reduce((sum, count, index) => sum + (hidden[index] === true ? count : 0), 0);
    while (hiddenSum() > 0 && hiddenSum() < smallGroupMinimum) {
      const next = smallestVisible(counts, hidden);
      if (next === null) break;
      hidden[next] = true;
    }
  }
  return counts.map((count, index) => {
    if (small[index] === true) return null;
    return hidden[index] === true ? fiveOrMore : count;
  });
}

function smallestVisible(counts: readonly number[], hidden: readonly boolean[]): number | null {
  let found: number | null = null;
  counts.forEach((count, index) => {
    if (hidden[index] === true || count === 0) return;
    if (found === null || count < (counts[found] ?? 0)) found = index;
  });
  return found;
}

/** How a hidden count reads in every language. */
export const hiddenCountText = '< 5';
export const fiveOrMoreText = '≥ 5';

export function shownCountText(count: ShownCount): string {
  if (count === null) return hiddenCountText;
  return count === fiveOrMore ? fiveOrMoreText : String(count);
}

/** The number where it may be shown, `null` where it is hidden for either reason. */
export function visibleCount(count: ShownCount): number | null {
  return typeof count === 'number' ? count : null;
}
