/**
 * Removes metadata from JPEG and PNG files without re-encoding the image: the
 * pixels stay byte-for-byte, only metadata segments and chunks are dropped.
 * A file that carries none is returned unchanged (the same Buffer).
 *
 * JPEG: APP1 (EXIF with GPS, XMP), APP3-APP13 and APP15 (vendor and IPTC data)
 * and comments go; APP0 (JFIF), APP2 (ICC colour profile) and APP14 (Adobe
 * colour transform) stay because the image renders differently without them.
 * If the EXIF held a rotation, a minimal EXIF with only that orientation is
 * written back, so a phone photo still displays upright on a poster.
 *
 * PNG: text chunks (tEXt, zTXt, iTXt), eXIf and tIME go; everything else stays.
 */
export function stripImageMetadata(bytes: Buffer, contentType: 'image/jpeg' | 'image/png'): Buffer {
  return contentType === 'image/jpeg' ? stripJpeg(bytes) : stripPng(bytes);
}

const JPEG_DROP = new Set([0xe1, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xeb, 0xec, 0xed, 0xef, 0xfe]);
const SOS = 0xda;
const EOI = 0xd9;

export class MalformedImage extends Error {}

function stripJpeg(bytes: Buffer): Buffer {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new MalformedImage('not a JPEG');
  const kept: Buffer[] = [bytes.subarray(0, 2)];
  let offset = 2;
  let dropped = false;
  let orientation: number | null = null;
  while (offset < bytes.length) {
    if (bytes[offset] !== 0xff) throw new MalformedImage('JPEG segment marker expected');
    // Fill bytes (0xFF padding) may precede a marker.
    let markerOffset = offset;
    while (bytes[markerOffset + 1] === 0xff) markerOffset += 1;
    const marker = bytes[markerOffset + 1];
    if (marker === undefined) throw new MalformedImage('truncated JPEG');
    if (marker === EOI || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      kept.push(bytes.subarray(offset, markerOffset + 2));
      offset = markerOffset + 2;
      continue;
    }
    if (markerOffset + 4 > bytes.length) throw new MalformedImage('truncated JPEG');
    const length = bytes.readUInt16BE(markerOffset + 2);
    const end = markerOffset + 2 + length;
    if (length < 2 || end > bytes.length) throw new MalformedImage('JPEG segment runs past the end');
    if (marker === SOS) {
      // Entropy-coded data follows; everything from here on is image data, kept verbatim.
      kept.push(bytes.subarray(offset));
      break;
    }
    if (JPEG_DROP.has(marker)) {
      if (marker === 0xe1 && orientation === null) orientation = exifOrientation(bytes.subarray(markerOffset + 4, end));
      dropped = true;
    } else {
      kept.push(bytes.subarray(offset, end));
    }
    offset = end;
  }
  if (!dropped) return bytes;
  if (orientation !== null && orientation !== 1) {
    // After SOI and a leading APP0, as EXIF readers expect.
    const insertAt = kept.length > 1 && kept[1][1] === 0xe0 ? 2 : 1;
    kept.splice(insertAt, 0, minimalExif(orientation));
  }
  return Buffer.concat(kept);
}

/** Reads tag 0x0112 (Orientation) from IFD0 of an APP1 EXIF payload; null if absent or unreadable. */
function exifOrientation(payload: Buffer): number | null {
  if (payload.length < 14 || payload.toString('latin1', 0, 6) !== 'Exif\0\0') return null;
  const tiff = payload.subarray(6);
  const little = tiff.toString('latin1', 0, 2) === 'II';
  if (!little && tiff.toString('latin1', 0, 2) !== 'MM') return null;
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  try {
    const ifd = u32(4);
    const count = u16(ifd);
    for (let i = 0; i < count; i += 1) {
      const entry = ifd + 2 + i * 12;
      if (u16(entry) === 0x0112) {
        const value = u16(entry + 8);
        return value >= 1 && value <= 8 ? value : null;
      }
    }
  } catch {
    return null;
  }
  return null;
}

/** An APP1 segment whose EXIF holds one tag: Orientation. */
function minimalExif(orientation: number): Buffer {
  const tiff = Buffer.alloc(26);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4); // IFD0 right after the header
  tiff.writeUInt16BE(1, 8); // one entry
  tiff.writeUInt16BE(0x0112, 10); // Orientation
  tiff.writeUInt16BE(3, 12); // SHORT
  tiff.writeUInt32BE(1, 14); // count
  tiff.writeUInt16BE(orientation, 18);
  tiff.writeUInt32BE(0, 22); // no next IFD
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const header = Buffer.from([0xff, 0xe1, 0, 0]);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([header, payload]);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_DROP = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME']);

function stripPng(bytes: Buffer): Buffer {
  if (bytes.length < 8 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) throw new MalformedImage('not a PNG');
  const kept: Buffer[] = [bytes.subarray(0, 8)];
  let offset = 8;
  let dropped = false;
  while (offset < bytes.length) {
    if (offset + 12 > bytes.length) throw new MalformedImage('truncated PNG chunk');
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const end = offset + 12 + length;
    if (end > bytes.length) throw new MalformedImage('PNG chunk runs past the end');
    if (PNG_DROP.has(type)) dropped = true;
    else kept.push(bytes.subarray(offset, end));
    offset = end;
    if (type === 'IEND') break;
  }
  return dropped ? Buffer.concat(kept) : bytes;
}
