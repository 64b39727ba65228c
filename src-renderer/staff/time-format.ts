import { intlLocales, type LanguageCode } from '../../src-shared/i18n/languages';

const locales = intlLocales;

export function formatTime(iso: string, language: LanguageCode): string {
  return new Intl.DateTimeFormat(locales[language], { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

export function formatDateTime(iso: string, language: LanguageCode): string {
  return new Intl.DateTimeFormat(locales[language], {
    weekday: 'short',
    day: 'numeric',
    month: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

export function formatDay(date: string, language: LanguageCode): string {
  return new Intl.DateTimeFormat(locales[language], { day: 'numeric', month: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

/** ISO 8601 with the screen's own UTC offset, as the contract's times are written. */
export function toLocalIso(date: Date): string {
  const offset = -date.getTimezoneOffset();
  const shifted = new Date(date.getTime() + offset * 60_000);
  const sign = offset >= 0 ? '+' : '-';
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${shifted.toISOString().slice(0, 19)}${sign}${hours}:${minutes}`;
}

/** The local calendar day of a moment, `YYYY-MM-DD`. */
export function localDate(date: Date): string {
  return toLocalIso(date).slice(0, 10);
}

/** A moment's calendar day in the staff member's language, with the year: purges reach back months. */
export function formatDate(iso: string, language: LanguageCode): string {
  return new Intl.DateTimeFormat(locales[language], { day: 'numeric', month: 'numeric', year: 'numeric' }).format(new Date(iso));
}
