import { batchFormat, type BatchHeader, type ExportAnswer, type PollSnapshot } from './batch-format';

/**
 * Canonical JSON of one value: object keys sorted by UTF-16 code units, no whitespace, strings
 * escaped as JSON.stringify does, integers only. This is RFC 8785 (JCS) for the values a batch
 * holds, so the same data always gives the same bytes, on any machine and in any version.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    // Fractions and exponents serialise differently between languages; a batch holds none.
    if (!Number.isSafeInteger(value)) throw new TypeError(`Not a safe integer: ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value).sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0));
    return `{${entries.map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`).join(',')}}`;
  }
  throw new TypeError(`Not JSON data: ${typeof value}`);
}

/**
 * A batch file is valid JSON laid out one answer per line, so it can be written and read as a
 * stream and read by people:
 *
 *   {"format":"kerro-batch","schemaVersion":1,"batch":{…},"polls":[…],"answers":[
 *   {…answer…},
 *   {…last answer…}
 *   ]}
 *
 * The top-level members come in that order; everything inside them is canonical JSON; each line
 * ends with LF, the last one too. The batch hash is the SHA-256 of exactly these bytes.
 */
export function batchOpeningLine(header: BatchHeader, polls: readonly PollSnapshot[]): string {
  const format = `"format":${JSON.stringify(batchFormat.name)},"schemaVersion":${batchFormat.schemaVersion}`;
  return `{${format},"batch":${canonicalJson(header)},"polls":${canonicalJson(polls)},"answers":[\n`;
}

export function batchAnswerLine(answer: ExportAnswer, isLast: boolean): string {
  return `${canonicalJson(answer)}${isLast ? '' : ','}\n`;
}

export const batchClosingLine = ']}\n';

const openingPattern = /^\{"format":"kerro-batch","schemaVersion":(\d+),"batch":(\{.*\}),"polls":(\[.*\]),"answers":\[$/;

/** Splits an opening line (without its LF) into its parts, still unchecked. */
export function splitOpeningLine(line: string): { schemaVersion: number; header: unknown; polls: unknown } | null {
  const match = openingPattern.exec(line);
  if (match === null) return null;
  const [, version, header, polls] = match;
  if (version === undefined || header === undefined || polls === undefined) return null;
  try {
    return { schemaVersion: Number(version), header: JSON.parse(header), polls: JSON.parse(polls) };
  } catch {
    return null;
  }
}
