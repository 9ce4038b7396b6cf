import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { createHash } from 'node:crypto';
import { citedForms, compactText, diffIndex, planChange, stableJson, type LiveDocument } from '../../ingest/incremental/plan-change.js';
import { libraryName, withEntries } from '../../ingest/incremental/library.js';
import { parseArgs } from '../../ingest/incremental/cli.js';
import { escapeXml, renderAtom, sinceFilter } from '../../src/services/feed-service.js';
import { checkBearer } from '../../src/routes/admin.js';

const source = (path: string, chosen = true) => ({ path, start: 0, end: 10, artifacts: 0, chosen });
const live = (id: string, title: string, paths: string[], extra: Partial<LiveDocument> = {}): LiveDocument => ({
  id,
  title,
  kind: 'plan',
  sources: paths.map((p, i) => source(p, i === 0)),
  aliases: [],
  ...extra,
});
const planOf = (docs: Array<{ id: string; title: string; paths: string[]; issuer?: string }>) => ({
  documents: docs.map((d) => ({ id: d.id, title: d.title, kind: 'plan' as const, sources: d.paths.map((p, i) => source(p, i === 0)), attachments: [], added: [], ...(d.issuer ? { issuer: d.issuer } : {}) })),
  references: { aliases: new Map<string, string[]>() } as never,
});

describe('what a change touches (planChange)', () => {
  const before = new Map([
    ['doc-a', live('doc-a', '甲市实施方案', ['a.txt'])],
    ['doc-b', live('doc-b', '乙省条例', ['b.txt'])],
  ]);

  it('a new document is added and its file built; a citing file given is built too', () => {
    const after = planOf([
      { id: 'doc-a', title: '甲市实施方案', paths: ['a.txt'] },
      { id: 'doc-b', title: '乙省条例', paths: ['b.txt'] },
      { id: 'doc-c', title: '丙省办法', paths: ['c.txt'] },
    ]);
    const c = planChange(before, after, ['a.txt']);
    expect(c).toMatchObject({ added: ['doc-c'], removed: [], changed: [], rebuild: ['a.txt', 'c.txt'] });
    expect(c.changes).toEqual([{ action: 'added', docId: 'doc-c', title: '丙省办法', kind: 'plan', sources: ['c.txt'] }]);
  });

  it('a second copy is a merge (a new source); under replace, a replacement; a removed document is logged with its old sources', () => {
    const merged = planOf([
      { id: 'doc-a', title: '甲市实施方案', paths: ['a.txt', 'a-copy.txt'] },
      { id: 'doc-b', title: '乙省条例', paths: ['b.txt'] },
    ]);
    expect(planChange(before, merged, []).changes).toEqual([expect.objectContaining({ action: 'merged', docId: 'doc-a' })]);
    expect(planChange(before, merged, []).rebuild).toEqual(['a-copy.txt', 'a.txt']);
    const replaced = planOf([{ id: 'doc-a', title: '甲市实施方案', paths: ['a2.txt'] }, { id: 'doc-b', title: '乙省条例', paths: ['b.txt'] }]);
    expect(planChange(before, replaced, [], { replace: true }).changes).toEqual([expect.objectContaining({ action: 'replaced', docId: 'doc-a' })]);
    const gone = planChange(before, planOf([{ id: 'doc-a', title: '甲市实施方案', paths: ['a.txt'] }]), ['a.txt', 'b.txt']);
    expect(gone).toMatchObject({ removed: ['doc-b'], rebuild: ['a.txt'] });
    expect(gone.changes).toEqual([expect.objectContaining({ action: 'removed', docId: 'doc-b', sources: ['b.txt'] })]);
  });

  it('metadata that differs (an issuer given later) is a change; the same library is none', () => {
    expect(planChange(before, planOf([{ id: 'doc-a', title: '甲市实施方案', paths: ['a.txt'] }, { id: 'doc-b', title: '乙省条例', paths: ['b.txt'] }]), []).changes).toEqual([]);
    const c = planChange(before, planOf([{ id: 'doc-a', title: '甲市实施方案', paths: ['a.txt'], issuer: '甲市人民政府' }, { id: 'doc-b', title: '乙省条例', paths: ['b.txt'] }]), []);
    expect(c.changes).toEqual([expect.objectContaining({ action: 'updated', docId: 'doc-a' })]);
  });
});

describe('citedForms and compactText', () => {
  it('covers the title, without 中华人民共和国 and without a bracketed version, aliases and the 文号', () => {
    const forms = citedForms({ title: '中华人民共和国某某法（2024年修订）', aliases: ['某某法', '法'], docNumber: '某发〔2024〕3号' });
    expect(forms).toEqual(expect.arrayContaining(['中华人民共和国某某法(2024年修订)', '某某法(2024年修订)', '中华人民共和国某某法', '某某法', '某发〔2024〕3号']));
    expect(forms).not.toContain('法');
  });
  it('a title broken across lines or written in full-width forms still matches', () => {
    expect(compactText('依据《某某省公共数据\n  管理条例》第８条').includes(compactText('某某省公共数据管理条例'))).toBe(true);
    expect(compactText('第８条')).toBe('第8条');
  });
});

describe('diffIndex', () => {
  it('sends only what differs (key order and undefined fields aside) and deletes what is gone', () => {
    const current = [{ id: 'x', a: 1, b: [1, 2] }, { id: 'y', a: 2 }, { id: 'z', a: 3 }];
    const built = [{ b: [1, 2], a: 1, id: 'x', c: undefined }, { id: 'y', a: 5 }, { id: 'w', a: 0 }];
    const d = diffIndex(current, built);
    expect(d.upsert.map((x) => x.id)).toEqual(['y', 'w']);
    expect(d.remove).toEqual(['z']);
    expect(stableJson({ b: 1, a: { d: 1, c: 2 } })).toBe('{"a":{"c":2,"d":1},"b":1}');
  });
});

describe('library names and metadata', () => {
  it('keeps only a base name, safe characters, Chinese as it is', () => {
    expect(libraryName('../../etc/passwd')).toBe('passwd');
    expect(libraryName('C:\\docs\\条例.txt')).toBe('条例.txt');
    expect(libraryName('.hidden.txt')).toBe('_hidden.txt');
    expect(libraryName('a<b>:c.md')).toBe('a_b__c.md');
  });
  it('sets and removes manifest entries', () => {
    const m = withEntries({ files: { 'a.txt': { title: '甲' } } }, { 'b.txt': { issuer: '乙' }, 'a.txt': undefined });
    expect(m).toEqual({ files: { 'b.txt': { issuer: '乙' } } });
  });
  it('parses the CLI commands and refuses others', () => {
    expect(parseArgs(['add', 'x.txt', '--corpus', 'lib', '--json'])).toEqual({ command: 'add', targets: ['x.txt'], corpus: 'lib', json: true });
    expect(() => parseArgs(['add'])).toThrow(/usage/);
    expect(() => parseArgs(['wipe', 'x'])).toThrow(/usage/);
  });
});

describe('the admin token check', () => {
  const expected = createHash('sha256').update('s3cret-token-0123456789').digest();
  it('401 without Bearer credentials, 403 with wrong ones, passes the right one', () => {
    expect(() => checkBearer(undefined, expected)).toThrow(expect.objectContaining({ statusCode: 401 }));
    expect(() => checkBearer('Basic abc', expected)).toThrow(expect.objectContaining({ statusCode: 401 }));
    expect(() => checkBearer('Bearer ', expected)).toThrow(expect.objectContaining({ statusCode: 401 }));
    expect(() => checkBearer('Bearer s3cret-token-012345678', expected)).toThrow(expect.objectContaining({ statusCode: 403 }));
    expect(() => checkBearer('Bearer s3cret-token-0123456789', expected)).not.toThrow();
    expect(() => checkBearer('bearer s3cret-token-0123456789', expected)).not.toThrow();
  });
});

describe('feeds', () => {
  it('since is a sequence number or a time', () => {
    expect(sinceFilter(undefined)).toBeUndefined();
    expect(sinceFilter('12')).toBe('seq > 12');
    expect(sinceFilter('2026-12-01T00:00:00Z')).toBe(`atMs > ${Date.parse('2026-12-01T00:00:00Z')}`);
    expect(sinceFilter('last week')).toBeNull();
  });
  it('renders valid Atom with every text escaped', () => {
    const xml = renderAtom({
      id: 'http://h/feeds/search.atom?q=a&b=<c>',
      title: '“<script>”的新条款 & more',
      self: 'http://h/feeds/search.atom?q=a&b=<c>',
      updated: '2026-12-03T10:00:00.000Z',
      entries: [{ id: 'http://h/changes/1/x', title: '《条例》第八条 "quoted" \u0001', updated: '2026-12-03T10:00:00.000Z', link: 'http://h/v1/clauses/x?a=1&b=2', summary: '<em>开放</em>目录', author: 'A&B', categories: ['regulation'] }],
    });
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = new XMLParser({ ignoreAttributes: false }).parse(xml).feed;
    expect(feed.title).toBe('“<script>”的新条款 & more');
    expect(feed.entry.summary['#text']).toBe('<em>开放</em>目录');
    expect(feed.entry.link['@_href']).toBe('http://h/v1/clauses/x?a=1&b=2');
    expect(escapeXml('a\u0000b')).toBe('ab');
  });
});
