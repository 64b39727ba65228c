import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { PinHash } from '../domain/kiosk-settings';

/**
 * 2^15 × 8 costs about 32 MiB and a tenth of a second per try on a small kiosk PC: slow enough
 * that a copied kiosk.json does not give up its PIN at once, quick enough for staff at the screen.
 */
export const defaultPinCost = { cost: 2 ** 15, blockSize: 8, parallelization: 1 } as const;

const keyLength = 32;

function derive(pin: string, salt: Buffer, options: Pick<PinHash, 'cost' | 'blockSize' | 'parallelization'>): Promise<Buffer> {
  const scryptOptions: ScryptOptions = {
    N: options.cost,
    r: options.blockSize,
    p: options.parallelization,
    maxmem: 256 * options.cost * options.blockSize,
  };
  return new Promise((resolve, reject) => {
    scrypt(pin.normalize('NFC'), salt, keyLength, scryptOptions, (error, key) => (error === null ? resolve(key) : reject(error)));
  });
}

export async function hashPin(pin: string, cost: Pick<PinHash, 'cost' | 'blockSize' | 'parallelization'> = defaultPinCost): Promise<PinHash> {
  const salt = randomBytes(16);
  const hash = await derive(pin, salt, cost);
  return { scheme: 'scrypt', ...cost, salt: salt.toString('base64'), hash: hash.toString('base64') };
}

export async function isPinCorrect(pin: string, stored: PinHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64');
  const actual = await derive(pin, Buffer.from(stored.salt, 'base64'), stored);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
