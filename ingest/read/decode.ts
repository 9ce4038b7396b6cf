/**
 * Decoding the bytes of a text file, without touching the disk: byte-order
 * marks first, then strict UTF-8, then GB18030 (a superset of GBK and GB2312,
 * in which Chinese government files are often saved). Binary junk and empty
 * files come back as messages with stable rule ids, never as exceptions.
 */
import iconv from 'iconv-lite';
import { textMessage, type TextMessage } from '../../core/model/messages.js';

export interface DecodedText {
  text: string;
  /** 'utf-8', 'utf-16le', 'utf-16be' or 'gb18030'. */
  encoding: string;
}

/** Above this share of control characters (or undecodable sequences) a file is not text. */
const MAX_JUNK_RATIO = 0.01;

/** Control characters that do not occur in text: C0 except TAB, LF, VT, FF, CR (and SUB, an old end-of-file mark). */
function isJunkByte(b: number): boolean {
  return b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1a;
}

function junkCharRatio(text: string): number {
  if (text.length === 0) return 0;
  let junk = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || (c < 0x20 && isJunkByte(c))) junk++;
  }
  return junk / text.length;
}

/**
 * UTF-16 without a byte-order mark, told by where its NUL bytes sit. UTF-8 and
 * GB18030 text never holds a NUL; UTF-16 holds one in every ASCII code unit,
 * on the high side: a line break is `0A 00` in little-endian and `00 0A` in
 * big-endian. Counting NULs alone misleads on Chinese text (一 U+4E00 and the
 * ideographic space U+3000 carry a NUL on the *other* side), so the vote is
 * cast by the line-break, carriage-return and tab code units, which no Chinese
 * character imitates; a file with none (or both) is decided by which byte order
 * decodes to plausible text. Returns the likely byte order, or undefined.
 */
function sniffUtf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length < 2 || bytes.length % 2 !== 0 || !bytes.includes(0)) return undefined;
  const n = Math.min(bytes.length, 64 * 1024);
  const isBreak = (b: number | undefined) => b === 0x0a || b === 0x0d || b === 0x09;
  let le = 0;
  let be = 0;
  for (let i = 0; i + 1 < n; i += 2) {
    if (bytes[i + 1] === 0 && isBreak(bytes[i])) le++;
    else if (bytes[i] === 0 && isBreak(bytes[i + 1])) be++;
  }
  if (le > 0 && be === 0) return 'utf-16le';
  if (be > 0 && le === 0) return 'utf-16be';
  const head = bytes.subarray(0, n);
  const share = (enc: 'utf-16le' | 'utf-16be') => plainShare(decodeUtf16(head, enc));
  return share('utf-16le') >= share('utf-16be') ? 'utf-16le' : 'utf-16be';
}

/**
 * Whether decoded UTF-16 reads as text a Chinese office would write: mostly
 * ASCII, CJK ideographs and CJK or full-width punctuation. Junk whose NULs
 * happen to sit on one side decodes to scattered Hangul, Yi, private-use and
 * surrogate code units instead.
 */
function looksLikeText(text: string): boolean {
  return plainShare(text) >= 0.9;
}

function plainShare(text: string): number {
  if (text.length === 0) return 0;
  let plain = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (
      (c >= 0x20 && c < 0x7f) || c === 0x09 || c === 0x0a || c === 0x0d ||
      (c >= 0x2000 && c <= 0x206f) || (c >= 0x3000 && c <= 0x303f) || (c >= 0x3400 && c <= 0x4dbf) ||
      (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x2460 && c <= 0x24ff)
    ) plain++;
  }
  return plain / text.length;
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string {
  // TextDecoder strips the byte-order mark and replaces bad sequences with U+FFFD.
  return new TextDecoder(encoding).decode(bytes);
}

function binary(reason: string): TextMessage {
  return textMessage('error', 'read/binary', `not a text file: ${reason}`);
}

/**
 * Decodes the bytes of a .txt or .md file.
 * - a byte-order mark decides: UTF-8, UTF-16LE, UTF-16BE (the mark is not part of the text);
 * - otherwise valid UTF-8 is UTF-8, and anything else is read as GB18030;
 * - a file with NUL bytes, more than 1% control characters or undecodable
 *   sequences is 'read/binary'; UTF-32 is 'read/unsupported'; a file with no
 *   text (or only whitespace) is 'read/empty'.
 * The returned message has no path; the caller adds it.
 */
export function decodeText(bytes: Uint8Array): DecodedText | TextMessage {
  if (bytes.length === 0) return textMessage('error', 'read/empty', 'the file is empty');
  let decoded: DecodedText;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) || (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff)) {
    return textMessage('error', 'read/unsupported', 'UTF-32 text is not supported; save the file as UTF-8');
  } else if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    decoded = { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    decoded = { text: decodeUtf16(bytes, 'utf-16le'), encoding: 'utf-16le' };
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    decoded = { text: decodeUtf16(bytes, 'utf-16be'), encoding: 'utf-16be' };
  } else {
    const utf16 = sniffUtf16WithoutBom(bytes);
    const asUtf16 = utf16 ? decodeUtf16(bytes, utf16) : undefined;
    if (utf16 && asUtf16 !== undefined && looksLikeText(asUtf16)) decoded = { text: asUtf16, encoding: utf16 };
    else {
      if (bytes.includes(0)) return binary('it contains NUL bytes');
      let junk = 0;
      for (const b of bytes) if (isJunkByte(b)) junk++;
      if (junk > MAX_JUNK_RATIO * bytes.length) return binary(`${junk} control bytes in ${bytes.length}`);
      try {
        decoded = { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
      } catch {
        // Not UTF-8: GB18030 decodes GBK and GB2312 as well.
        decoded = { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030'), encoding: 'gb18030' };
      }
    }
  }
  const ratio = junkCharRatio(decoded.text);
  if (ratio > MAX_JUNK_RATIO) return binary(`${(ratio * 100).toFixed(1)}% of it does not decode as ${decoded.encoding}`);
  if (decoded.text.trim() === '') return textMessage('error', 'read/empty', 'the file has no text');
  return decoded;
}
