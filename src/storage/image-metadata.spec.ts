import { readFileSync } from 'node:fs';
import { stripImageMetadata, MalformedImage } from './image-metadata.js';

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/${name}`, import.meta.url));

/** The bytes of every JPEG segment after the first SOS: the image data itself. */
function scanData(jpeg: Buffer): Buffer {
  for (let i = 2; i < jpeg.length - 1; i += 1) {
    if (jpeg[i] === 0xff && jpeg[i + 1] === 0xda) return jpeg.subarray(i);
  }
  throw new Error('no SOS');
}

describe('stripImageMetadata', () => {
  it('removes EXIF GPS, XMP and comments from a JPEG without touching the image data', () => {
    const original = fixture('gps.jpg');
    const stripped = stripImageMetadata(original, 'image/jpeg');
    const text = stripped.toString('latin1');
    expect(stripped.length).toBeLessThan(original.length);
    expect(text).not.toContain('TestPhone');
    expect(text).not.toContain('secret place');
    expect(text).not.toContain('a comment');
    expect(text).not.toContain('http://ns.adobe.com/xap');
    expect(scanData(stripped).equals(scanData(original))).toBe(true);
  });

  it('keeps only the orientation of a rotated phone photo, so it still displays upright', () => {
    const stripped = stripImageMetadata(fixture('gps.jpg'), 'image/jpeg');
    const app1 = stripped.indexOf(Buffer.from('Exif\0\0', 'latin1'));
    expect(app1).toBeGreaterThan(0);
    // one IFD entry, tag 0x0112, value 6 (rotate 90 CW)
    expect(stripped.readUInt16BE(app1 + 6 + 8)).toBe(1);
    expect(stripped.readUInt16BE(app1 + 6 + 10)).toBe(0x0112);
    expect(stripped.readUInt16BE(app1 + 6 + 18)).toBe(6);
    expect(stripped.toString('latin1')).not.toMatch(/GPS|TestPhone/);
  });

  it('returns a JPEG that carries no metadata byte-identical', () => {
    const plain = fixture('plain.jpg');
    expect(stripImageMetadata(plain, 'image/jpeg')).toBe(plain);
  });

  it('removes text, XMP and time chunks from a PNG and keeps the image chunks', () => {
    const original = fixture('text.png');
    const stripped = stripImageMetadata(original, 'image/png');
    const text = stripped.toString('latin1');
    expect(text).not.toContain('123 Main St');
    expect(text).not.toContain('iTXt');
    expect(text).not.toContain('tEXt');
    expect(text).toContain('IHDR');
    expect(text).toContain('IDAT');
    expect(text.endsWith('IEND\xaeB`\x82')).toBe(true);
  });

  it('returns a PNG without metadata byte-identical', () => {
    const plain = fixture('plain.png');
    expect(stripImageMetadata(plain, 'image/png')).toBe(plain);
  });

  it('refuses truncated files', () => {
    const jpeg = fixture('gps.jpg');
    expect(() => stripImageMetadata(jpeg.subarray(0, 40), 'image/jpeg')).toThrow(MalformedImage);
    expect(() => stripImageMetadata(fixture('text.png').subarray(0, 30), 'image/png')).toThrow(MalformedImage);
    expect(() => stripImageMetadata(Buffer.from('not an image'), 'image/jpeg')).toThrow(MalformedImage);
  });
});
