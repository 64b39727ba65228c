import { writeFile } from 'node:fs/promises';
import type { Raster } from '../../src-shared/qr/qr-image';

/**
 * A video file Chromium plays as a fake camera (--use-file-for-fake-video-capture): 4:2:0 YUV,
 * each picture centred on a white frame of `size`, shown for one video frame.
 */
export async function writeY4m(path: string, pictures: readonly Raster[], size: number, framesPerSecond: number): Promise<void> {
  const header = Buffer.from(`YUV4MPEG2 W${size} H${size} F${framesPerSecond}:1 Ip A1:1 C420jpeg\n`, 'ascii');
  const frameMark = Buffer.from('FRAME\n', 'ascii');
  const lumaBytes = size * size;
  const chroma = Buffer.alloc((size / 2) * (size / 2) * 2, 128);
  const parts: Buffer[] = [header];
  for (const picture of pictures) {
    if (picture.width > size || picture.height > size) throw new RangeError('The picture is larger than the video');
    const luma = Buffer.alloc(lumaBytes, 255);
    const left = Math.floor((size - picture.width) / 2);
    const top = Math.floor((size - picture.height) / 2);
    for (let y = 0; y < picture.height; y += 1) {
      for (let x = 0; x < picture.width; x += 1) luma[(top + y) * size + left + x] = picture.data[(y * picture.width + x) * 4] ?? 255;
    }
    parts.push(frameMark, luma, chroma);
  }
  await writeFile(path, Buffer.concat(parts));
}
