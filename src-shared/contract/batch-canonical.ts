import { batchFormat, type BatchHeader, type ExportAnswer, type PollSnapshot } from './batch-format';

/**
 * Canonical JSON of one value: object keys sorted by UTF-16 code units, no whitespace, strings
 * escaped as JSON.stringify does, integers only. This is RFC 8785 (JCS) for the values a batch
 * holds, so the same data always gives the same bytes, on any machine and in any version.
 */
export function canonicalJson(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    // Fractions and exponents serialise differently between languages; a batch holds none.
    if (!Number.isSafeInteger(value)) throw new TypeError(`Not a safe integer: ${value}`);
    return String(value);
  }
  if (Array.isArray(value)) {
    let text = '[';
    for (let index = 0; index < value.length; index += 1) text += `${index === 0 ? '' : ','}${canonicalJson(value[index])}`;
    return `${text}]`;
  }
  if (typeof value === 'object') {
    // The default sort compares UTF-16 code units, which is what RFC 8785 asks for.
    const keys = Object.keys(value).sort();
    let text = '{';
    for (let index = 0; index < keys.length; index += 1) {
      const key = keys[index] ?? '';
      text += `${index === 0 ? '' : ','}${JSON.stringify(key)}:${canonicalJson(Reflect.get(value, key))}`;
    }
    return `${text}}`;
  }
  throw new TypeError(`Not JSON data: ${typeof value}`);
}

/**
 * `canonicalJson` of one answer, written out with its keys already in order: a batch has a
 * hundred thousand of these, and the generic walk with its sorting costs most of an export.
 * A test holds the two equal for every shape an answer can take.
 */
export function canonicalAnswerJson(answer: ExportAnswer): string {
  const given = answer.answer;
  // A choice or a text holds only strings and whole numbers: one native stringify of the fields
  // laid out in key order gives the same bytes (an absent audience is left out by it too).
  if (!('drawing' in given) && Number.isSafeInteger(answer.pollVersion) && Number.isSafeInteger(answer.seq)) {
    return JSON.stringify({
      answer: 'text' in given ? { text: given.text } : { optionIds: given.optionIds },
      answeredAt: answer.answeredAt,
      audience: answer.audience,
      comment: answer.comment,
      flags: answer.flags,
      id: answer.id,
      language: answer.language,
      masked: answer.masked,
      pollId: answer.pollId,
      pollVersion: answer.pollVersion,
      seq: answer.seq,
      topics: answer.topics,
    });
  }
  const inner =
    'text' in given
      ? `{"text":${JSON.stringify(given.text)}}`
      : 'drawing' in given
        ? `{"drawing":${canonicalJson(given.drawing)}}`
        : `{"optionIds":${stringList(given.optionIds)}}`;
  const comment = answer.comment === null ? 'null' : JSON.stringify(answer.comment);
  const audience = answer.audience === undefined ? '' : `"audience":${JSON.stringify(answer.audience)},`;
  return (
    `{"answer":${inner},"answeredAt":${JSON.stringify(answer.answeredAt)},${audience}"comment":${comment},"flags":${stringList(answer.flags)},` +
    `"id":${JSON.stringify(answer.id)},"language":${JSON.stringify(answer.language)},"masked":${stringList(answer.masked)},` +
    `"pollId":${JSON.stringify(answer.pollId)},"pollVersion":${canonicalJson(answer.pollVersion)},"seq":${canonicalJson(answer.seq)},` +
    `"topics":${stringList(answer.topics)}}`
  );
}

function stringList(values: readonly string[]): string {
  let text = '[';
  for (let index = 0; index < values.length; index += 1) text += `${index === 0 ? '' : ','}${JSON.stringify(values[index])}`;
  return `${text}]`;
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
  return `${canonicalAnswerJson(answer)}${isLast ? '' : ','}\n`;
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
