import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../ingest/read/index.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/read');
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(path.join(FIXTURES, name)));
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const SAMPLE = '第一条　为了规范数据管理，制定本办法。（责任单位：市大数据局）';

function decoded(bytes: Uint8Array) {
  const r = decodeText(bytes);
  if ('rule' in r) throw new Error(`expected text, got ${r.rule}: ${r.message}`);
  return r;
}

function rejected(bytes: Uint8Array) {
  const r = decodeText(bytes);
  if (!('rule' in r)) throw new Error(`expected a message, got text (${r.encoding})`);
  return r;
}

describe('decodeText: encodings', () => {
  it('reads plain UTF-8', () => {
    expect(decoded(utf8(SAMPLE))).toEqual({ text: SAMPLE, encoding: 'utf-8' });
  });

  it('reads UTF-8 with a BOM and leaves the BOM out of the text', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(SAMPLE)]);
    expect(decoded(bytes)).toEqual({ text: SAMPLE, encoding: 'utf-8' });
  });

  it('reads UTF-16LE and UTF-16BE by their BOM', () => {
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from(SAMPLE, 'utf16le')]);
    expect(decoded(le)).toEqual({ text: SAMPLE, encoding: 'utf-16le' });
    const swapped = Buffer.from(SAMPLE, 'utf16le').swap16();
    const be = new Uint8Array([0xfe, 0xff, ...swapped]);
    expect(decoded(be)).toEqual({ text: SAMPLE, encoding: 'utf-16be' });
  });

  it('recognizes mostly-ASCII UTF-16LE without a BOM by its NUL pattern', () => {
    const text = 'Article 1. IPv6 deployment plan 2025 (draft)\n';
    expect(decoded(new Uint8Array(Buffer.from(text, 'utf16le')))).toEqual({ text, encoding: 'utf-16le' });
  });

  // Judged 2026-12-03: Chinese UTF-16 has a NUL only for ASCII (line breaks, digits), always on one side of the code unit.
  it('recognizes Chinese UTF-16LE and UTF-16BE without a BOM by the side their few NULs are on', () => {
    const text = '第一条　为了规范政务数据共享，制定本办法。\n第二条　市大数据局负责统筹全市政务数据共享工作。\n';
    expect(decoded(new Uint8Array(Buffer.from(text, 'utf16le')))).toEqual({ text, encoding: 'utf-16le' });
    expect(decoded(new Uint8Array(Buffer.from(text, 'utf16le').swap16()))).toEqual({ text, encoding: 'utf-16be' });
    // One line, one NUL (its line break) in 60 bytes: still UTF-16.
    const line = '到2025年建成示例基站一千个，实现城区全覆盖。\n';
    expect(decoded(new Uint8Array(Buffer.from(line, 'utf16le').swap16())).encoding).toBe('utf-16be');
  });

  it('reads the BOM-less UTF-16LE and UTF-16BE fixtures', () => {
    expect(decoded(fixture('utf16le-nobom.txt'))).toMatchObject({ encoding: 'utf-16le' });
    expect(decoded(fixture('utf16be-nobom.txt')).text).toContain('（责任单位：县发展改革局）');
  });

  it('does not take junk whose NULs sit on one side for UTF-16', () => {
    // Pseudo-random high bytes with a NUL at every 16th odd position decode to Hangul, Yi and surrogates.
    const bytes = new Uint8Array(2048);
    let x = 12345;
    for (let i = 0; i < bytes.length; i++) {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      bytes[i] = i % 32 === 1 ? 0 : 0x80 + (x % 0x7f);
    }
    const r = decodeText(bytes);
    expect('rule' in r ? r.rule : r.encoding).toBe('read/binary');
  });

  it('falls back to GB18030 for GBK bytes that are not valid UTF-8', () => {
    const bytes = new Uint8Array(iconv.encode(SAMPLE, 'gbk'));
    expect(decoded(bytes)).toEqual({ text: SAMPLE, encoding: 'gb18030' });
  });

  it('decodes characters outside GBK from GB18030 four-byte sequences', () => {
    const text = '数据𠀀管理〇';
    expect(decoded(new Uint8Array(iconv.encode(text, 'gb18030')))).toEqual({ text, encoding: 'gb18030' });
  });

  it('reads the GB18030 fixture', () => {
    const r = decoded(fixture('gb18030-notice.txt'));
    expect(r.encoding).toBe('gb18030');
    expect(r.text).toContain('各乡镇人民政府，县政府各部门：');
    expect(r.text).toContain('（责任单位：县大数据中心）');
  });

  it('reads the UTF-16LE fixture', () => {
    const r = decoded(fixture('utf16le-bom.txt'));
    expect(r.encoding).toBe('utf-16le');
    expect(r.text.startsWith('第一条')).toBe(true);
    expect(r.text).not.toContain('\ufeff');
  });
});

describe('decodeText: problems become messages', () => {
  it('reports an empty file', () => {
    expect(rejected(new Uint8Array()).rule).toBe('read/empty');
    expect(rejected(fixture('empty.txt')).rule).toBe('read/empty');
  });

  it('reports a file of whitespace only (a BOM and blank lines) as empty', () => {
    expect(rejected(new Uint8Array([0xef, 0xbb, 0xbf, 0x20, 0x0d, 0x0a, 0xe3, 0x80, 0x80])).rule).toBe('read/empty');
  });

  it('reports binary junk', () => {
    const m = rejected(fixture('binary-junk.txt'));
    expect(m.rule).toBe('read/binary');
    expect(m.severity).toBe('error');
  });

  it('reports many control characters even without NULs', () => {
    const bytes = utf8(SAMPLE + '\u0001\u0002\u0003\u0004\u0005'.repeat(5));
    expect(rejected(bytes).rule).toBe('read/binary');
  });

  it('accepts a stray form feed or tab (page breaks, table cells)', () => {
    expect(decoded(utf8(`${SAMPLE}\f第二页\t表格`)).encoding).toBe('utf-8');
  });

  it('reports UTF-32 as unsupported', () => {
    expect(rejected(new Uint8Array([0xff, 0xfe, 0, 0, 0x2c, 0x7b, 0, 0])).rule).toBe('read/unsupported');
  });
});
