/**
 * Helpers for the checks written by hand where opening or an export reads many values and a
 * schema's walk would cost most of the time (checkpoint-index.ts, journal-line-check.ts). Each
 * gives null for anything the schema it stands in for would refuse.
 */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Each item through `check`; null when the value is not a list or any item fails. for…of, not every(): a hole in the list is refused, as a schema refuses it. */
export function checkedList<T>(value: unknown, check: (item: unknown) => T | null): T[] | null {
  if (!Array.isArray(value)) return null;
  const items: T[] = [];
  for (const item of value) {
    const checked = check(item);
    if (checked === null) return null;
    items.push(checked);
  }
  return items;
}

/** Each value through `check`. Built with fromEntries, so a key such as `__proto__` stays a key and never becomes a prototype. */
export function checkedRecord<T>(value: unknown, check: (item: unknown) => T | null): Record<string, T> | null {
  if (!isRecord(value)) return null;
  const entries: [string, T][] = [];
  for (const [key, item] of Object.entries(value)) {
    const checked = check(item);
    if (checked === null) return null;
    entries.push([key, checked]);
  }
  return Object.fromEntries(entries);
}
