/**
 * How the receiver asks zxing-wasm to read a camera frame. The bench's camera model reads its
 * simulated captures with the very same options, so its decode rates are the receiver's.
 * tryHarder: the receiver reads a handful of frames a second, and a slower, more thorough search
 * finds codes that are small or tilted in the picture. returnErrors: a code found but not read
 * is reported too (not valid, with its corners), so the receiver can tell its user what helps.
 */
export function receiverReaderOptions(): { formats: ['QRCode']; maxNumberOfSymbols: number; tryHarder: boolean; returnErrors: boolean } {
  return { formats: ['QRCode'], maxNumberOfSymbols: 1, tryHarder: true, returnErrors: true };
}
