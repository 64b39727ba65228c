/** d.m.yyyy, as read in Finland in all three staff languages; never the machine's locale. */
export function formatDay(day: string): string {
  const [year, month, date] = day.slice(0, 10).split('-');
  if (year === undefined || month === undefined || date === undefined) return day;
  return `${Number(date)}.${Number(month)}.${year}`;
}

/** A calendar day `days` later (or earlier), counted on the calendar, not in hours. */
export function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
