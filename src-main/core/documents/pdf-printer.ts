import { PrintFailure } from './print-failure';

/**
 * Turns one self-contained HTML page into an A4 PDF. Only a shell that can print has one (the
 * Electron shell's printToPDF); the core never knows how, so it stays free of Electron.
 */
export type PdfPrinter = (html: string) => Promise<Uint8Array>;

/** A print that has not finished by then is given up, so an export never waits on it for ever. */
export const printTimeoutMs = 60_000;

/** Asks the printer, giving up after `timeoutMs`; a failure is a `PrintFailure` when its kind is known. */
export async function printPdf(printer: PdfPrinter, html: string, timeoutMs = printTimeoutMs): Promise<Uint8Array> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const seconds = Math.round(timeoutMs / 1000);
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new PrintFailure({ reason: 'timeout', seconds, detail: `no PDF after ${seconds} s` })), timeoutMs);
  });
  try {
    const pdf = await Promise.race([printer(html), timeout]);
    if (!startsWithPdfHeader(pdf)) throw new PrintFailure({ reason: 'notPdf', detail: 'the printer gave something that is not a PDF' });
    return pdf;
  } finally {
    clearTimeout(timer);
  }
}

function startsWithPdfHeader(bytes: Uint8Array): boolean {
  return bytes.length > 8 && String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-';
}

// `D:YYYYMMDDHHmmSS` then the zone as Chromium's Skia writes it (`+02'00'`), or `Z`, or nothing.
const pdfDatePattern = /\/(CreationDate|ModDate)\s*\((D:\d{14}(?:[+-]\d{2}'\d{2}'|Z(?:00'00')?)?)\)/g;

/**
 * A printed PDF says when it was printed, so two prints of one page differ in those bytes alone.
 * This writes the batch's sealing time there instead, each date in the form and length it had,
 * so the cross-reference offsets stay right and a re-export prints the same bytes (with the same
 * print engine). A date in any other form is left as it is.
 */
export function withFixedPdfDates(pdf: Uint8Array, localIsoTime: string): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  let isChanged = false;
  const fixed = text.replace(pdfDatePattern, (whole, key: string, date: string) => {
    const replacement = pdfDateLike(date, localIsoTime);
    if (replacement === null || replacement.length !== date.length) return whole;
    isChanged = true;
    return whole.replace(date, replacement);
  });
  return isChanged ? new Uint8Array(Buffer.from(fixed, 'latin1')) : pdf;
}

/** The time in the form of `example`: local time with its offset, or UTC with a `Z`. */
function pdfDateLike(example: string, localIsoTime: string): string | null {
  const local = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?([+-])(\d{2}):(\d{2})$/.exec(localIsoTime);
  if (local === null) return null;
  const [, year, month, day, hour, minute, second, sign, offsetHours, offsetMinutes] = local;
  const zone = example.slice(16);
  if (zone === '' || zone.startsWith('Z')) {
    const utc = new Date(Date.parse(localIsoTime)).toISOString();
    const digits = `${utc.slice(0, 4)}${utc.slice(5, 7)}${utc.slice(8, 10)}${utc.slice(11, 13)}${utc.slice(14, 16)}${utc.slice(17, 19)}`;
    return `D:${digits}${zone}`;
  }
  return `D:${year}${month}${day}${hour}${minute}${second}${sign}${offsetHours}'${offsetMinutes}'`;
}
