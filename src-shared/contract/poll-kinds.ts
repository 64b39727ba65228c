import { childScaleOptions } from './child-options';
import type { PollKind, PollOption } from './polls';

const smileyOptions: PollOption[] = [
  { id: 'very-bad', label: { fi: 'Tosi huonosti', sv: 'Mycket dåligt', en: 'Very bad' } },
  { id: 'bad', label: { fi: 'Huonosti', sv: 'Dåligt', en: 'Bad' } },
  { id: 'okay', label: { fi: 'Ihan ok', sv: 'Helt okej', en: 'Okay' } },
  { id: 'good', label: { fi: 'Hyvin', sv: 'Bra', en: 'Good' } },
  { id: 'very-good', label: { fi: 'Tosi hyvin', sv: 'Mycket bra', en: 'Very good' } },
];

const scaleOptions: PollOption[] = [1, 2, 3, 4, 5].map((value) => ({
  id: String(value),
  label: { fi: String(value), sv: String(value), en: String(value) },
}));

const yesNoOptions: PollOption[] = [
  { id: 'yes', label: { fi: 'Kyllä', sv: 'Ja', en: 'Yes' } },
  { id: 'no', label: { fi: 'Ei', sv: 'Nej', en: 'No' } },
];

/** The answers a kind comes with; single and multi take the staff member's own options, pick-pictures pictures from the gallery. */
export function fixedOptions(kind: PollKind): PollOption[] | null {
  switch (kind) {
    case 'smiley':
      return smileyOptions;
    case 'scale':
      return scaleOptions;
    case 'yesno':
      return yesNoOptions;
    case 'text':
      return [];
    case 'single':
    case 'multi':
      return null;
    case 'child-faces':
    case 'child-thumbs':
    case 'child-weather':
      return childScaleOptions(kind);
    case 'child-pictures':
      return null;
    case 'child-drawing':
      return [];
  }
}
