/**
 * Removes metadata from JPEG and PNG files without re-encoding the image: the
 * pixels stay byte-for-byte, only metadata segments and chunks are dropped.
 * A file that carries none is returned unchanged (the same Buffer).
 *
 * JPEG: the file is walked segment by segment, through every scan's
 * entropy-coded data, and cut at the end (EOI) of the primary image, so a
 * second image appended after it (phones store MPF pictures, depth and gain
 * maps that way, often with their own GPS EXIF) is not kept. Before the first
 * scan, APP0 (JFIF), APP2 ICC_PROFILE and APP14 (Adobe colour transform) stay
 * because the image renders differently without them; every other APPn (EXIF
 * with GPS, XMP, MPF, IPTC, vendor data) and comments go. Between scans only
 * the tables a decoder needs stay: every APPn and COM there goes. If the EXIF
 * held a rotation, a minimal EXIF with only that orientation is written back,
 * so a phone photo still displays upright on a poster.
 *
 * PNG: cut after IEND; critical chunks and the ancillary chunks that change
 * how the pixels display (transparency, colour space, gamma, physical size)
 * stay, every other ancillary chunk (text, eXIf, tIME, private data) goes.
 */
export function stripImageMetadata(bytes: Buffer, contentType: 'image/jpeg' | 'image/png'): Buffer {
  return contentType === 'image/jpeg' ? stripJpeg(bytes) : stripPng(bytes);
}

export class MalformedImage extends Error {}

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const APP0 = 0xe0;
const APP1 = 0xe1;
const APP2 = 0xe2;
const APP14 = 0xee;
const APP15 = 0xef;
const COM = 0xfe;
const TEM = 0x01;

const isRestart = (marker: number) => marker >= 0xd0 && marker <= 0xd7;
const isAppOrComment = (marker: number) => (marker >= APP0 && marker <= APP15) || marker === COM;

/** Whether a metadata-bearing segment met before the first scan is needed to display the image. */
function keptBeforeScan(marker: number, payload: Buffer): boolean {
  if (marker === APP0) return payload.toString('latin1', 0, 5) === 'JFIF\0';
  if (marker === APP2) return payload.toString('latin1', 0, 12) === 'ICC_PROFILE\0';
  if (marker === APP14) return payload.toString('latin1', 0, 5) === 'Adobe';
  return false;
}

/**
 * Offset of the first marker (other than a restart marker or a stuffed zero)
 * after entropy-coded data starting at `from`; the file's length if the data
 * runs to the end (a truncated photo, kept as it is).
 */
function endOfScanData(bytes: Buffer, from: number): number {
  let at = from;
  for (;;) {
    at = bytes.indexOf(0xff, at);
    if (at === -1 || at + 1 >= bytes.length) return bytes.length;
    const next = bytes[at + 1];
    if (next === 0x00 || isRestart(next)) at += 2;
    else if (next === 0xff)
      at += 1; // fill byte before a marker
    else return at;
  }
}

function stripJpeg(bytes: Buffer): Buffer {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== SOI) throw new MalformedImage('not a JPEG');
  const kept: Buffer[] = [bytes.subarray(0, 2)];
  let offset = 2;
  let dropped = false;
  let scanned = false;
  let orientation: number | null = null;
  for (;;) {
    if (offset >= bytes.length) {
      if (scanned) break; // no EOI: the scan data ran to the end of the file
      throw new MalformedImage('JPEG ends before its image data');
    }
    if (bytes[offset] !== 0xff) throw new MalformedImage('JPEG segment marker expected');
    // Fill bytes (0xFF padding) may precede a marker.
    let markerOffset = offset;
    while (bytes[markerOffset + 1] === 0xff) markerOffset += 1;
    const marker = bytes[markerOffset + 1];
    if (marker === undefined) throw new MalformedImage('truncated JPEG');
    if (marker === EOI) {
      kept.push(bytes.subarray(offset, markerOffset + 2));
      // Whatever follows is not part of the primary image.
      if (markerOffset + 2 < bytes.length) dropped = true;
      break;
    }
    if (marker === SOI) throw new MalformedImage('JPEG starts a second image before the first one ends');
    if (isRestart(marker) || marker === TEM) {
      kept.push(bytes.subarray(offset, markerOffset + 2));
      offset = markerOffset + 2;
      continue;
    }
    if (markerOffset + 4 > bytes.length) throw new MalformedImage('truncated JPEG');
    const length = bytes.readUInt16BE(markerOffset + 2);
    const end = markerOffset + 2 + length;
    if (length < 2 || end > bytes.length) throw new MalformedImage('JPEG segment runs past the end');
    if (marker === SOS) {
      const dataEnd = endOfScanData(bytes, end);
      kept.push(bytes.subarray(offset, dataEnd));
      scanned = true;
      offset = dataEnd;
      continue;
    }
    const payload = bytes.subarray(markerOffset + 4, end);
    if (isAppOrComment(marker) && (scanned || !keptBeforeScan(marker, payload))) {
      if (marker === APP1 && !scanned && orientation === null) orientation = exifOrientation(payload);
      dropped = true;
    } else {
      kept.push(bytes.subarray(offset, end));
    }
    offset = end;
  }
  if (!scanned) throw new MalformedImage('JPEG has no image data');
  if (!dropped) return bytes;
  if (orientation !== null && orientation !== 1) {
    // After SOI and a leading APP0, as EXIF readers expect.
    const insertAt = kept.length > 1 && kept[1][1] === APP0 ? 2 : 1;
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
/** Ancillary chunks that change how the pixels display; every other ancillary chunk is dropped. */
const PNG_KEEP_ANCILLARY = new Set(['tRNS', 'gAMA', 'cHRM', 'sRGB', 'iCCP', 'sBIT', 'cICP', 'mDCV', 'cLLI', 'mDCv', 'cLLi', 'pHYs']);
/** Critical chunks have an upper-case first letter (bit 5 of the first byte clear). */
const isCritical = (type: string) => (type.charCodeAt(0) & 0x20) === 0;

function stripPng(bytes: Buffer): Buffer {
  if (bytes.length < 8 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) throw new MalformedImage('not a PNG');
  const kept: Buffer[] = [bytes.subarray(0, 8)];
  let offset = 8;
  let dropped = false;
  for (;;) {
    if (offset + 12 > bytes.length) throw new MalformedImage('truncated PNG chunk');
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const end = offset + 12 + length;
    if (end > bytes.length) throw new MalformedImage('PNG chunk runs past the end');
    if (isCritical(type) || PNG_KEEP_ANCILLARY.has(type)) kept.push(bytes.subarray(offset, end));
    else dropped = true;
    offset = end;
    if (type === 'IEND') break;
  }
  // Whatever follows IEND is not part of the image.
  if (offset < bytes.length) dropped = true;
  return dropped ? Buffer.concat(kept) : bytes;
}
