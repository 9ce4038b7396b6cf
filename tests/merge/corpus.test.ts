import { describe, expect, it } from 'vitest';
import { mergeDuplicates } from '../../ingest/merge/index.js';
import type { PolicyDocument } from '../../core/model/document.js';
import { parseDocument } from '../../ingest/parse/index.js';
import { documentId, splitDocuments } from '../../ingest/split/index.js';
import { corpusText, FILES, manifest, normalizedFile } from '../split/helpers.js';

/** split → id → parse → links, as the pipeline does it, for every corpus file. */
function parseCorpus(): PolicyDocument[] {
  const docs: PolicyDocument[] = [];
  for (const name of Object.values(FILES)) {
    const slices = splitDocuments(normalizedFile(corpusText(name), name), manifest.files[name]);
    const ids = slices.map((s) => documentId(s));
    const parsed = slices.map((s, i) => parseDocument(s, ids[i]!));
    slices.forEach((s, i) => {
      if (s.partOf !== undefined) parsed[i]!.partOf = ids[s.partOf];
      if (s.attachmentOf !== undefined) {
        parsed[i]!.attachmentOf = ids[s.attachmentOf];
        parsed[s.attachmentOf]!.attachments.push(ids[i]!);
      }
    });
    docs.push(...parsed);
  }
  return docs;
}

describe('merging the real corpus', () => {
  const parsed = parseCorpus();
  const { documents, messages } = mergeDuplicates(parsed);

  it('merges exactly the two documents that appear both alone and inside the compilation', () => {
    expect(parsed).toHaveLength(26);
    expect(documents).toHaveLength(24);
    const multi = documents.filter((d) => d.sources.length > 1).map((d) => d.title).sort();
    expect(multi).toEqual(['山东省“十四五”数字强省建设规划', '山东省数字基础设施建设的指导意见']);
    expect(new Set(documents.map((d) => d.id)).size).toBe(documents.length);
    expect(messages.filter((m) => m.severity !== 'info')).toEqual([]);
  });

  it('keeps the copy with fewer extraction artifacts and one chosen source each', () => {
    for (const d of documents) expect(d.sources.filter((s) => s.chosen)).toHaveLength(1);
    const province = documents.find((d) => d.title === '山东省“十四五”数字强省建设规划')!;
    // The standalone copy was hard-wrapped every ~28 characters; the compilation's was not.
    expect(province.sources.find((s) => s.chosen)!.path).toBe(FILES.compilation);
    expect(province).toMatchObject({ date: '2021-07-19', issuer: '山东省人民政府办公厅' });
    const guidance = documents.find((d) => d.title === '山东省数字基础设施建设的指导意见')!;
    expect(guidance.sources.find((s) => s.chosen)!.path).toBe(FILES.guidance);
    expect(guidance).toMatchObject({ date: '2020-03-23', partOf: documents.find((d) => d.kind === 'compilation')!.id });
  });

  it('fills dates and issuers from the catalogue and keeps links resolvable', () => {
    const law = documents.find((d) => d.title === '中华人民共和国网络安全法')!;
    expect(law).toMatchObject({ date: '2016-11-07', year: 2016 });
    expect(documents.find((d) => d.title === '山东省大数据发展促进条例')!.date).toBe('2021-09-30');
    const ids = new Set(documents.map((d) => d.id));
    for (const d of documents) {
      if (d.partOf) expect(ids.has(d.partOf)).toBe(true);
      if (d.attachmentOf) expect(ids.has(d.attachmentOf)).toBe(true);
      for (const a of d.attachments) expect(ids.has(a)).toBe(true);
    }
    const notice = documents.find((d) => d.kind === 'notice')!;
    expect(notice.attachments).toHaveLength(1);
    expect(documents.find((d) => d.id === notice.attachments[0])!.attachmentOf).toBe(notice.id);
  });
});
