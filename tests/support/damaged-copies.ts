/** A place in a JSON value: the keys and indexes from its root. */
export type Place = (string | number)[];

/** Given as the replacement, takes the place away instead of filling it. */
export const removed = Symbol('removed');

/** Every place in `value`, the root first. */
export function placesOf(value: unknown, prefix: Place = []): Place[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const keys: Place = Array.isArray(value) ? value.map((_, index) => index) : Object.keys(value);
  return [prefix, ...keys.flatMap((key) => placesOf(Reflect.get(value, key), [...prefix, key]))];
}

/** A copy of `value` with the place replaced by `replacement`, or taken away when it is `removed`. */
export function damagedCopy(value: unknown, place: Place, replacement: unknown): unknown {
  if (place.length === 0) return replacement;
  const copy: unknown = structuredClone(value);
  let parent: unknown = copy;
  for (const key of place.slice(0, -1)) parent = Reflect.get(parent as object, key);
  const last = place.at(-1) ?? '';
  if (replacement === removed) Reflect.deleteProperty(parent as object, last);
  else Reflect.set(parent as object, last, replacement);
  return copy;
}
