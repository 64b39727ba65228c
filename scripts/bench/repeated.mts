// Figures measured in several runs, printed alike by every bench section: the median run with the
// lowest and highest beside it, so one run's luck with the machine's load shows as a range.
import { percentile } from './machine.mjs';

/** The middle run (the lower middle of an even count, as a nearest-rank percentile gives). */
export function median(values: readonly number[]): number {
  return percentile([...values].sort((left, right) => left - right), 0.5);
}

/** "median (lowest–highest)", or the one value when there was one run. */
export function spread(values: readonly number[], format: (value: number) => string): string {
  if (values.length === 1) return format(values[0] ?? Number.NaN);
  return `${format(median(values))} (${format(Math.min(...values))}–${format(Math.max(...values))})`;
}

/** How many runs a section makes: its environment variable when it names a whole number ≥ 1. */
export function runCount(variable: string, fallback: number): number {
  const value = Number(process.env[variable] ?? fallback);
  return Number.isInteger(value) && value >= 1 ? value : fallback;
}
