import { useEffect, useState } from 'react';
import { intlLocales, type LanguageCode } from '../../src-shared/i18n/languages';

const locales = intlLocales;

interface KioskClockProps {
  /** The kiosk's time when it was asked, with its offset. */
  kioskNow: string;
  language: LanguageCode;
  label: string;
}

/** The main side's clock, large and ticking, so staff notice when an offline kiosk has drifted. */
export function KioskClock({ kioskNow, language, label }: KioskClockProps) {
  const [offset] = useState(() => Date.parse(kioskNow) - Date.now());
  const [now, setNow] = useState(() => new Date(Date.now() + offset));
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date(Date.now() + offset)), 1000);
    return () => window.clearInterval(timer);
  }, [offset]);
  const locale = locales[language];
  return (
    <div className="kiosk-clock" role="group" aria-label={label}>
      <p className="clock-time" data-clock="time">
        {new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(now)}
      </p>
      <p className="clock-date">{new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(now)}</p>
    </div>
  );
}
