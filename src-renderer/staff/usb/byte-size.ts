import { intlLocales, type LanguageCode } from '../../../src-shared/i18n/languages';

const units = [
  { unit: 'gigabyte', size: 1e9 },
  { unit: 'megabyte', size: 1e6 },
  { unit: 'kilobyte', size: 1e3 },
] as const;

/** Free space as staff read it on a stick's box: decimal units, one decimal at most. */
export function formatBytes(bytes: number, language: LanguageCode): string {
  const unit = units.find((entry) => bytes >= entry.size) ?? units[units.length - 1] ?? { unit: 'kilobyte', size: 1e3 };
  return new Intl.NumberFormat(intlLocales[language], { style: 'unit', unit: unit.unit, maximumFractionDigits: 1 }).format(bytes / unit.size);
}
