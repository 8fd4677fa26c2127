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

  // Fixtures built from plain.jpg / plain.png (each step is what a phone or an editor writes):
  // mpf-appended.jpg  = plain.jpg with an APP2 "MPF" index after its APP0, then gps.jpg (GPS EXIF) after its EOI
  // progressive.jpg   = `jpegtran -progressive -copy none plain.jpg`
  // progressive-between-scans.jpg = progressive.jpg with a COM and an APP1 EXIF inserted after its first scan
  // trailer.png       = plain.png with sRGB, eXIf (GPS), tEXt and a private "prVt" chunk after IHDR, and gps.jpg after IEND
  // srgb.png          = plain.png with an sRGB chunk

  it('cuts a JPEG at the end of its primary image: the GPS-tagged image appended after it and the MPF index go', () => {
    const phone = fixture('mpf-appended.jpg');
    const stripped = stripImageMetadata(phone, 'image/jpeg');
    expect(stripped.equals(fixture('plain.jpg'))).toBe(true);
    const text = stripped.toString('latin1');
    expect(text).not.toMatch(/MPF|Exif|GPS|TestPhone|secret place/);
    expect(stripped.indexOf(Buffer.from([0xff, 0xd8]), 2)).toBe(-1);
    expect(stripped.subarray(-2).equals(Buffer.from([0xff, 0xd9]))).toBe(true);
  });

  it('cuts at the real end of image, not at an FFD9 pair inside a segment', () => {
    // A comment whose text holds FF D9 and an appended image: a naive search for FFD9 would cut inside the comment.
    const plain = fixture('plain.jpg');
    const comment = Buffer.concat([Buffer.from([0xff, 0xfe, 0x00, 0x06]), Buffer.from([0x41, 0xff, 0xd9, 0x42])]);
    const crafted = Buffer.concat([plain.subarray(0, 20), comment, plain.subarray(20), fixture('gps.jpg')]);
    expect(stripImageMetadata(crafted, 'image/jpeg').equals(plain)).toBe(true);
  });

  it('walks every scan of a progressive JPEG and drops the APPn and COM segments between scans', () => {
    const progressive = fixture('progressive.jpg');
    expect(stripImageMetadata(progressive, 'image/jpeg')).toBe(progressive);
    const between = fixture('progressive-between-scans.jpg');
    const stripped = stripImageMetadata(between, 'image/jpeg');
    expect(stripped.equals(progressive)).toBe(true);
    expect(stripped.toString('latin1')).not.toMatch(/123 Main St|GPSLatitude/);
  });

  it('keeps a JPEG whose scan data runs to the end without an EOI, and refuses one with no image data', () => {
    const plain = fixture('plain.jpg');
    const noEoi = plain.subarray(0, plain.length - 2);
    expect(stripImageMetadata(noEoi, 'image/jpeg')).toBe(noEoi);
    const headersOnly = Buffer.concat([plain.subarray(0, 20), Buffer.from([0xff, 0xd9])]);
    expect(() => stripImageMetadata(headersOnly, 'image/jpeg')).toThrow(MalformedImage);
  });

  it('cuts a PNG at IEND and drops text, eXIf and unknown ancillary chunks, keeping critical and colour chunks', () => {
    const trailered = fixture('trailer.png');
    const stripped = stripImageMetadata(trailered, 'image/png');
    expect(stripped.equals(fixture('srgb.png'))).toBe(true);
    const text = stripped.toString('latin1');
    expect(text).not.toMatch(/eXIf|tEXt|prVt|123 Main St|GPS|TestPhone/);
    expect(text).toContain('sRGB');
    expect(text.endsWith('IEND\xaeB`\x82')).toBe(true);
  });

  it('refuses a PNG that ends before IEND', () => {
    const plain = fixture('plain.png');
    expect(() => stripImageMetadata(plain.subarray(0, plain.length - 12), 'image/png')).toThrow(MalformedImage);
  });

  it('refuses truncated files', () => {
    const jpeg = fixture('gps.jpg');
    expect(() => stripImageMetadata(jpeg.subarray(0, 40), 'image/jpeg')).toThrow(MalformedImage);
    expect(() => stripImageMetadata(fixture('text.png').subarray(0, 30), 'image/png')).toThrow(MalformedImage);
    expect(() => stripImageMetadata(Buffer.from('not an image'), 'image/jpeg')).toThrow(MalformedImage);
  });
});
