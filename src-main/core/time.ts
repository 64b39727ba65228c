export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** ISO 8601 in local wall-clock time with the UTC offset, e.g. `2026-11-29T09:15:02.120+02:00`. */
export function toLocalIsoString(date: Date): string {
  const offsetMinutes = -date.getTimezoneOffset();
  const shifted = new Date(date.getTime() + offsetMinutes * 60_000);
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const absolute = Math.abs(offsetMinutes);
  const hours = String(Math.floor(absolute / 60)).padStart(2, '0');
  const minutes = String(absolute % 60).padStart(2, '0');
  return `${shifted.toISOString().slice(0, 23)}${sign}${hours}:${minutes}`;
}
