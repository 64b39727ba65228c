import { splitLocalTime } from '../../../src-shared/export/local-time';

export const incompleteSuffix = '.incomplete';

/**
 * `Kerro_<site>_<yyyy-mm-dd>_batch<N>`, with the date the batch was sealed on the kiosk's own
 * calendar, so a re-export gets the very same name. The site is cut to what FAT32 and exFAT
 * sticks accept in a name: no `<>:"/\|?*` or control characters, no dot or space at the end.
 */
export function exportFolderName(site: string, createdAt: string, batchNumber: number): string {
  const time = splitLocalTime(createdAt);
  const date = time === null ? createdAt.slice(0, 10) : `${time.year}-${time.month}-${time.day}`;
  return `Kerro_${safeSiteName(site)}_${date}_batch${batchNumber}`;
}

export function safeSiteName(site: string): string {
  const cleaned = site
    .normalize('NFC')
    // Underscores separate the parts of the name; a site's own become dashes.
    .replace(/[<>:"/\\|?*_\p{Cc}\p{Cf}]/gu, '-')
    .replace(/\s+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  const cut = firstGraphemes(cleaned, 40).replace(/[-.]+$/g, '');
  return cut === '' ? 'kiosk' : cut;
}

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

/**
 * At most `limit` UTF-16 units, cut between user-perceived characters: a cut inside an emoji or
 * a letter with its accents would leave a lone surrogate or a stray mark in the folder name.
 */
function firstGraphemes(text: string, limit: number): string {
  let kept = '';
  for (const { segment } of graphemes.segment(text)) {
    if (kept.length + segment.length > limit) break;
    kept += segment;
  }
  return kept;
}


/** Names of export folders as `kerro verify` and the staff screens recognise them. */
export const exportFolderPattern = /^Kerro_(.+)_(\d{4}-\d{2}-\d{2})_batch(\d+)$/;
