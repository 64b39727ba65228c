/** A stored answer's local time: `2026-01-05T10:15:00.000+02:00`, the offset the kiosk had then. */
const localTimePattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The shape `localTimePattern` accepts, checked character by character: rows are written by the
 * hundred thousand, and this answers without building the match.
 */
export function isLocalTime(value: string): boolean {
  const length = value.length;
  if (length < 20) return false;
  for (let index = 0; index < 19; index += 1) {
    const code = value.charCodeAt(index);
    const wanted = dateTimeShape.charCodeAt(index);
    if (wanted === digitMark ? code < 0x30 || code > 0x39 : code !== wanted) return false;
  }
  let index = 19;
  if (value.charCodeAt(index) === 0x2e) {
    index += 1;
    const digitsFrom = index;
    while (index < length && isDigit(value.charCodeAt(index))) index += 1;
    if (index === digitsFrom) return false;
  }
  const rest = length - index;
  if (rest === 1) return value.charCodeAt(index) === 0x5a;
  if (rest !== 6) return false;
  const sign = value.charCodeAt(index);
  return (
    (sign === 0x2b || sign === 0x2d) &&
    isDigit(value.charCodeAt(index + 1)) &&
    isDigit(value.charCodeAt(index + 2)) &&
    value.charCodeAt(index + 3) === 0x3a &&
    isDigit(value.charCodeAt(index + 4)) &&
    isDigit(value.charCodeAt(index + 5))
  );
}

/** `#` stands for a digit. */
const dateTimeShape = '####-##-##T##:##:##';
const digitMark = 0x23;

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

interface LocalTime {
  year: string;
  month: string;
  day: string;
  time: string;
  offset: string;
}

/** The wall-clock date and time the parent saw, as stored; never converted to the exporting machine's zone. */
export function splitLocalTime(value: string): LocalTime | null {
  const match = localTimePattern.exec(value);
  if (match === null) return null;
  const [, year = '', month = '', day = '', hours = '', minutes = '', seconds = '', offset = ''] = match;
  return { year, month, day, time: `${hours}:${minutes}:${seconds}`, offset };
}
