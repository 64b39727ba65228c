import { formatMinutes, weekdays, type OpeningHours } from '../../src-shared/contract/opening-hours';
import type { Messages } from '../../src-shared/i18n/fi';
import type { LanguageCode } from '../../src-shared/i18n/languages';
import { Stepper } from './Stepper';

interface OpeningHoursFieldsProps {
  texts: Messages;
  language: LanguageCode;
  value: OpeningHours;
  onChange: (value: OpeningHours) => void;
}

const halfHour = 30;

/** A Monday, so that weekday n is this date plus n − 1 days. */
const monday = new Date(2026, 10, 30);

function weekdayName(weekday: number, language: LanguageCode): string {
  const date = new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + weekday - 1);
  return new Intl.DateTimeFormat(language, { weekday: 'short' }).format(date);
}

/** Days as toggles and times with − and +, so no typing is needed to set the hours. */
export function OpeningHoursFields({ texts, language, value, onChange }: OpeningHoursFieldsProps) {
  const toggle = (weekday: number) =>
    onChange({ ...value, days: weekdays.filter((day) => (day === weekday ? !value.days.includes(day) : value.days.includes(day))) });
  return (
    <>
      <div className="choice-group" role="group" aria-label={texts['settings.openDays']}>
        {weekdays.map((weekday) => (
          <button
            key={weekday}
            type="button"
            className="toggle-button"
            data-choice={`weekday:${weekday}`}
            aria-pressed={value.days.includes(weekday)}
            onClick={() => toggle(weekday)}
          >
            {value.days.includes(weekday) ? '✓ ' : ''}
            {weekdayName(weekday, language)}
          </button>
        ))}
      </div>
      <Stepper
        name="opens-at"
        label={texts['settings.opensAt']}
        value={value.opensAt}
        display={`${texts['settings.opensAt']} ${formatMinutes(value.opensAt)}`}
        min={0}
        max={value.closesAt - halfHour}
        step={halfHour}
        lessLabel={texts['settings.less']}
        moreLabel={texts['settings.more']}
        onChange={(opensAt) => onChange({ ...value, opensAt })}
      />
      <Stepper
        name="closes-at"
        label={texts['settings.closesAt']}
        value={value.closesAt}
        display={`${texts['settings.closesAt']} ${formatMinutes(value.closesAt)}`}
        min={value.opensAt + halfHour}
        max={24 * 60}
        step={halfHour}
        lessLabel={texts['settings.less']}
        moreLabel={texts['settings.more']}
        onChange={(closesAt) => onChange({ ...value, closesAt })}
      />
    </>
  );
}
