// What a bench section hands back to scripts/bench.mjs, which prints every section alike.

export interface BenchTable {
  title: string;
  columns: string[];
  rows: string[][];
}

export interface BenchSection {
  title: string;
  /** Facts about the run that a reader needs to judge the figures (machine, sample sizes). */
  notes: string[];
  tables: BenchTable[];
  /** Targets and must-holds, each with its verdict. */
  checks: BenchCheck[];
}

export interface BenchCheck {
  label: string;
  isMet: boolean;
  /** A must-hold (nothing lost) fails the bench run; a missed target is reported only. */
  isRequired: boolean;
}

/** How the runner starts a section: where the project is, and where to say what it is doing. */
export interface BenchContext {
  projectRoot: string;
  progress(message: string): void;
}
