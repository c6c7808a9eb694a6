// Reads a QR code out of a PNG, as a phone's camera would.
import { PNG } from 'pngjs';
import jsQRModule from 'jsqr';

// jsqr is CommonJS with a default export; its type and its value disagree under NodeNext.
const jsQR = ((jsQRModule as unknown as { default?: unknown }).default ?? jsQRModule) as unknown as typeof jsQRModule.default;

export function decodeQrPng(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}
