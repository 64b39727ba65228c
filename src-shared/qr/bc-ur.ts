import bytewordsImport from '@ngraveio/bc-ur/dist/bytewords.js';
import FountainDecoderImport from '@ngraveio/bc-ur/dist/fountainDecoder.js';
import FountainEncoderImport, * as fountainEncoderModule from '@ngraveio/bc-ur/dist/fountainEncoder.js';
import * as fountainUtils from '@ngraveio/bc-ur/dist/fountainUtils.js';
import URImport from '@ngraveio/bc-ur/dist/ur.js';
import * as utils from '@ngraveio/bc-ur/dist/utils.js';

/**
 * The parts of bc-ur we use, in one place. bc-ur is CommonJS with `exports.default`: a bundler
 * hands over that inner value as the default import, Node's ESM loader the whole exports object.
 * Deep paths carry `.js` because the package has no export map and Node resolves no bare paths.
 */
function commonJsDefault<T extends object>(imported: T): T {
  const inner: unknown = Reflect.get(imported, 'default');
  // The inner value is the very thing the type describes, one level down.
  return (inner ?? imported) as T;
}

export const bytewords = commonJsDefault(bytewordsImport);
export const FountainDecoder = commonJsDefault(FountainDecoderImport);
export const FountainEncoder = commonJsDefault(FountainEncoderImport);
export const FountainEncoderPart = fountainEncoderModule.FountainEncoderPart;
export const UR = commonJsDefault(URImport);
export const chooseFragments = fountainUtils.chooseFragments;
export const getCRC = utils.getCRC;

export type FountainDecoder = InstanceType<typeof FountainDecoder>;
export type FountainEncoderPart = InstanceType<typeof FountainEncoderPart>;
