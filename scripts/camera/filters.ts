import jpeg from 'jpeg-js';

/** A grey picture, one float per pixel (0–255), row by row. */
export interface GreyImage {
  width: number;
  height: number;
  data: Float32Array;
}

export function greyImage(width: number, height: number, level = 0): GreyImage {
  return { width, height, data: new Float32Array(width * height).fill(level) };
}

/** Gaussian kernel of standard deviation `sigma`, out to 3 σ, summing to 1. */
export function gaussianKernel(sigma: number): Float32Array {
  const radius = Math.max(1, Math.ceil(sigma * 3));
  const kernel = new Float32Array(radius * 2 + 1);
  let sum = 0;
  for (let offset = -radius; offset <= radius; offset += 1) {
    const weight = Math.exp(-(offset * offset) / (2 * sigma * sigma));
    kernel[offset + radius] = weight;
    sum += weight;
  }
  for (let index = 0; index < kernel.length; index += 1) kernel[index] = (kernel[index] ?? 0) / sum;
  return kernel;
}

/**
 * Defocus as a Gaussian of `sigma` pixels, rows then columns; edges repeat the border pixel.
 * A phone's slight misfocus on a screen at arm's length is close to Gaussian at these sizes.
 */
export function gaussianBlur(image: GreyImage, sigma: number): GreyImage {
  if (sigma <= 0) return image;
  const kernel = gaussianKernel(sigma);
  const radius = (kernel.length - 1) / 2;
  const { width, height } = image;
  const across = new Float32Array(width * height);
  for (let y = 0; y < height; y += 1) {
    const row = y * width;
    for (let x = 0; x < width; x += 1) {
      let sum = 0;
      for (let offset = -radius; offset <= radius; offset += 1) {
        const source = Math.min(width - 1, Math.max(0, x + offset));
        sum += (kernel[offset + radius] ?? 0) * (image.data[row + source] ?? 0);
      }
      across[row + x] = sum;
    }
  }
  const result = new Float32Array(width * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      let sum = 0;
      for (let offset = -radius; offset <= radius; offset += 1) {
        const source = Math.min(height - 1, Math.max(0, y + offset));
        sum += (kernel[offset + radius] ?? 0) * (across[source * width + x] ?? 0);
      }
      result[y * width + x] = sum;
    }
  }
  return { width, height, data: result };
}

/** Sensor noise: an independent Gaussian of `sigma` grey levels on each pixel. */
export function addNoise(image: GreyImage, sigma: number, random: () => number): void {
  if (sigma <= 0) return;
  for (let index = 0; index < image.data.length; index += 1) image.data[index] = (image.data[index] ?? 0) + sigma * normal(random);
}

/** A standard normal number by Box–Muller, from a uniform generator. */
export function normal(random: () => number): number {
  const first = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(first)) * Math.cos(2 * Math.PI * random());
}

/**
 * The picture as a phone's camera pipeline hands it over: clamped to 8 bits, compressed as JPEG
 * at `quality` and decoded again (jpeg-js: pure JavaScript, so nothing native to build or
 * download, and the same baseline JPEG a phone's video path produces).
 */
export function jpegRoundTrip(image: GreyImage, quality: number): GreyImage {
  const { width, height } = image;
  const rgba = new Uint8Array(width * height * 4);
  for (let index = 0; index < width * height; index += 1) {
    const level = Math.round(Math.min(255, Math.max(0, image.data[index] ?? 0)));
    rgba[index * 4] = level;
    rgba[index * 4 + 1] = level;
    rgba[index * 4 + 2] = level;
    rgba[index * 4 + 3] = 255;
  }
  const encoded = jpeg.encode({ data: rgba, width, height }, quality);
  const decoded = jpeg.decode(encoded.data, { useTArray: true, formatAsRGBA: true });
  const result = new Float32Array(width * height);
  for (let index = 0; index < width * height; index += 1) {
    // Rec. 601 luma, as a decoder's greyscale conversion takes it.
    result[index] = 0.299 * (decoded.data[index * 4] ?? 0) + 0.587 * (decoded.data[index * 4 + 1] ?? 0) + 0.114 * (decoded.data[index * 4 + 2] ?? 0);
  }
  return { width, height, data: result };
}

/** Clamped to 0–255 and rounded, as RGBA for a decoder that reads ImageData. */
export function toRgba(image: GreyImage): Uint8ClampedArray<ArrayBuffer> {
  const rgba = new Uint8ClampedArray(image.width * image.height * 4);
  for (let index = 0; index < image.width * image.height; index += 1) {
    const level = Math.round(image.data[index] ?? 0);
    rgba[index * 4] = level;
    rgba[index * 4 + 1] = level;
    rgba[index * 4 + 2] = level;
    rgba[index * 4 + 3] = 255;
  }
  return rgba;
}
