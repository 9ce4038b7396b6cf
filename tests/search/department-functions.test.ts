/**
 * The reviewed data of what laws call a body by its function (core/departments/functions.json), and the marker
 * group each entry becomes in the index's synonyms.
 */
import { describe, expect, it } from 'vitest';
import { DEPARTMENT_FUNCTIONS, createDepartmentRegistry, loadDepartmentRegistry } from '../../core/departments/index.js';
import { createSegmenter, decodeSearchWord, searchVocabulary, segmenterWords, SEARCH_VOCABULARY } from '../../core/segment/index.js';
import { synonymMarker } from '../../core/thesaurus/thesaurus.js';
import { encodeSearchWord } from '../../core/segment/search-field.js';

describe('department functions', () => {
  it('name bodies of the registry by their canonical names, each function split as the segmenter splits it', async () => {
    const registry = await loadDepartmentRegistry();
    const segmenter = createSegmenter({ userWords: segmenterWords(registry) });
    for (const e of DEPARTMENT_FUNCTIONS) {
      expect(registry.lookup(e.department)?.name, e.department).toBe(e.department);
      for (const f of e.functions) expect(segmenter.queryWords(f.replace(/ /g, '')).join(' '), `${e.department}: ${f}`).toBe(f);
    }
  });

  it('are never names: no function is a name, alias or abbreviation of any body', async () => {
    const names = new Set((await loadDepartmentRegistry()).allNames());
    for (const e of DEPARTMENT_FUNCTIONS) for (const f of e.functions) expect(names.has(f.replace(/ /g, '')), f).toBe(false);
  });

  it('become one marker group per body: its names and its functions as phrases', () => {
    const registry = createDepartmentRegistry({
      preferLevel: 'provincial',
      departments: [{ name: '省甲局', level: 'provincial', aliases: ['省甲管理局'], abbreviations: ['甲局'] }],
    } as never);
    const v = searchVocabulary(registry, [{ department: '甲局', functions: ['甲 主管部门'], reason: 'a synthetic body named by function' }]);
    expect(v.departmentFunctions.get('省甲局')).toEqual(['甲主管部门']);
    const group = v.encodedSynonyms[encodeSearchWord(synonymMarker('省甲局'))]!;
    expect(group.map((alt) => alt.split(' ').map(decodeSearchWord).join(' '))).toEqual(['省甲局', '省甲管理局', '甲局', '甲 主管部门']);
  });

  it('leave bodies without an entry as they were', () => {
    expect(SEARCH_VOCABULARY.departmentFunctions.has('省信访局')).toBe(false);
  });
});
