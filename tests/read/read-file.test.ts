import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { listCorpusFiles, readSourceFile } from '../../ingest/read/index.js';
import { normalizeText } from '../../ingest/normalize/index.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/read');
const at = (name: string): string => path.join(FIXTURES, name);

describe('readSourceFile', () => {
  it('reads a real PDF with a CJK font, page by page', async () => {
    const r = await readSourceFile(at('policy-sample.pdf'), 'policy-sample.pdf');
    if (!r.ok) throw new Error(r.message.message);
    expect(r.file.format).toBe('pdf');
    expect(r.file.encoding).toBe('pdf');
    expect(r.file.path).toBe('policy-sample.pdf');
    expect(r.file.text).toContain('第一条');
    expect(r.file.text).toContain('第二条');
    expect(r.file.text).toContain('（责任单位：市大数据局，各区县人民政府）');
    expect(r.file.text.split('\f')).toHaveLength(2);
    const expected = createHash('sha256').update(readFileSync(at('policy-sample.pdf'))).digest('hex');
    expect(r.file.sha256).toBe(expected);
  });

  it('reads a PDF whose CJK font is not embedded, through the predefined CMaps', async () => {
    const r = await readSourceFile(at('cmap-font-not-embedded.pdf'), 'cmap.pdf');
    if (!r.ok) throw new Error(r.message.message);
    expect(r.file.text.replace(/\s+/g, '')).toBe('第一条数据管理');
  });

  it('normalizes the PDF into one article per line, the page break and page numbers repaired', async () => {
    const r = await readSourceFile(at('policy-sample.pdf'), 'policy-sample.pdf');
    if (!r.ok) throw new Error(r.message.message);
    const lines = normalizeText(r.file).text.split('\n').filter((l) => l !== '');
    expect(lines[0]).toBe('某市数据资源管理办法');
    expect(lines[1]).toMatch(/^第一条 为了规范数据资源管理，.*制定本办法。$/);
    expect(lines[2]).toMatch(/^第二条 市大数据主管部门.*提升数据治理能力和服务水平。（责任单位：市大数据局，各区县人民政府）$/);
    expect(lines[3]).toBe('第三条 本办法自2025年1月1日起施行。');
    expect(lines).toHaveLength(4);
  });

  it('returns a per-file error for a corrupt PDF instead of throwing', async () => {
    const r = await readSourceFile(at('corrupt.pdf'), 'corrupt.pdf');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message.rule).toBe('read/corrupt-pdf');
    expect(r.message.path).toBe('corrupt.pdf');
    expect(r.path).toBe('corrupt.pdf');
  });

  it('reads text fixtures with their encodings, and rejects empty and binary files', async () => {
    const gb = await readSourceFile(at('gb18030-notice.txt'), 'gb.txt');
    expect(gb.ok && gb.file.encoding).toBe('gb18030');
    const u16 = await readSourceFile(at('utf16le-bom.txt'), 'u16.txt');
    expect(u16.ok && u16.file.encoding).toBe('utf-16le');
    const empty = await readSourceFile(at('empty.txt'), 'empty.txt');
    expect(!empty.ok && empty.message.rule).toBe('read/empty');
    const junk = await readSourceFile(at('binary-junk.txt'), 'junk.txt');
    expect(!junk.ok && junk.message.rule).toBe('read/binary');
    expect(!junk.ok && junk.message.path).toBe('junk.txt');
  });

  describe('with files made on the fly', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'read-test-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('reads a PDF saved as .txt as a PDF, by its header', async () => {
      const p = path.join(dir, 'really-a-pdf.txt');
      writeFileSync(p, readFileSync(at('policy-sample.pdf')));
      const r = await readSourceFile(p, 'really-a-pdf.txt');
      expect(r.ok && r.file.format).toBe('pdf');
    });

    it('reports a .pdf without a PDF header as corrupt', async () => {
      const p = path.join(dir, 'fake.pdf');
      writeFileSync(p, '第一条 这不是PDF。');
      const r = await readSourceFile(p, 'fake.pdf');
      expect(!r.ok && r.message.rule).toBe('read/corrupt-pdf');
    });

    it('reports an unsupported extension and a missing file without throwing', async () => {
      const doc = path.join(dir, 'notes.docx');
      writeFileSync(doc, 'PK');
      const a = await readSourceFile(doc, 'notes.docx');
      expect(!a.ok && a.message.rule).toBe('read/unsupported');
      const b = await readSourceFile(path.join(dir, 'missing.txt'), 'missing.txt');
      expect(!b.ok && b.message.rule).toBe('read/io');
    });

    it('marks .md files as Markdown', async () => {
      const p = path.join(dir, 'plan.md');
      writeFileSync(p, '# 某某行动方案\n\n一、总体要求\n');
      const r = await readSourceFile(p, 'plan.md');
      expect(r.ok && r.file.format).toBe('md');
    });
  });
});

describe('listCorpusFiles', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'list-test-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const touch = (rel: string): string => {
    const p = path.join(root, rel);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, '内容');
    return p;
  };
  const kept = ['b.txt', 'A.md', 'sub/c.PDF', 'sub/deeper/d.txt'].map(touch);
  ['manifest.json', 'README.md', 'readme', '.hidden.txt', '.git/x.txt', 'sub/notes.docx', 'sub/README.txt'].forEach(touch);

  it('walks directories, keeps .txt/.md/.pdf, skips manifest, READMEs and dotfiles, and sorts', async () => {
    const listed = await listCorpusFiles([root]);
    expect(listed).toEqual([...kept].sort((a, b) => (a < b ? -1 : 1)));
  });

  it('accepts files and directories together without listing a file twice', async () => {
    const listed = await listCorpusFiles([path.join(root, 'sub'), path.join(root, 'b.txt'), path.join(root, 'sub/c.PDF')]);
    expect(listed.map((p) => path.relative(root, p))).toEqual(['b.txt', 'sub/c.PDF', 'sub/deeper/d.txt']);
  });

  it('skips a manifest named explicitly, but keeps another file so it can be reported', async () => {
    const listed = await listCorpusFiles([path.join(root, 'manifest.json'), path.join(root, 'sub/notes.docx')]);
    expect(listed.map((p) => path.relative(root, p))).toEqual(['sub/notes.docx']);
  });

  it('lists the real corpus: five documents, no manifest', async () => {
    const listed = await listCorpusFiles([path.resolve(FIXTURES, '../../../corpus')]);
    expect(listed).toHaveLength(5);
    expect(listed.some((p) => p.endsWith('manifest.json'))).toBe(false);
  });
});
