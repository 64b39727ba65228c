import { writeFile } from 'node:fs/promises';
import type { Raster } from '../../src-shared/qr/qr-image';
import type { GreyImage } from '../../scripts/camera/filters';

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

/** Grey camera pictures (even width and height) as a video, one picture per video frame. */
export async function writeGreyY4m(path: string, pictures: readonly GreyImage[], framesPerSecond: number): Promise<void> {
  const [first] = pictures;
  if (first === undefined) throw new RangeError('No pictures');
  const { width, height } = first;
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F${framesPerSecond}:1 Ip A1:1 C420jpeg\n`, 'ascii');
  const frameMark = Buffer.from('FRAME\n', 'ascii');
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const parts: Buffer[] = [header];
  for (const picture of pictures) {
    if (picture.width !== width || picture.height !== height) throw new RangeError('The pictures differ in size');
    const luma = Buffer.alloc(width * height);
    for (let index = 0; index < luma.length; index += 1) luma[index] = Math.max(0, Math.min(255, Math.round(picture.data[index] ?? 0)));
    parts.push(frameMark, luma, chroma);
  }
  await writeFile(path, Buffer.concat(parts));
}
