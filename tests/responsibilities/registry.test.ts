import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  REGISTRY_FILE,
  RegistryData,
  createDepartmentRegistry,
  departmentDictionary,
  departmentSynonyms,
  guessLevel,
  loadDepartmentRegistry,
  normalizeDepartmentName,
  type DepartmentRegistry,
} from '../../core/departments/index.js';

let registry: DepartmentRegistry;
beforeAll(async () => {
  registry = await loadDepartmentRegistry();
});

const same = (a: string, b: string) => expect(registry.resolve(a).canonical).toBe(registry.resolve(b).canonical);

describe('registry data', () => {
  it('is valid against its schema, with unique full names', () => {
    const parsed = RegistryData.safeParse(JSON.parse(readFileSync(REGISTRY_FILE, 'utf8')));
    expect(parsed.success).toBe(true);
    expect(parsed.data!.departments.length).toBeGreaterThan(100);
  });

  it('rejects a name given to two bodies, and an abbreviation that is someone else’s full name', () => {
    expect(() =>
      createDepartmentRegistry({ departments: [{ name: '省甲厅', level: 'provincial', aliases: ['省乙厅'] }, { name: '省乙厅', level: 'provincial' }] }),
    ).toThrow(/省乙厅/);
    expect(() =>
      createDepartmentRegistry({ departments: [{ name: '省甲厅', level: 'provincial', abbreviations: ['省乙厅'] }, { name: '省乙厅', level: 'provincial' }] }),
    ).toThrow(/abbreviation/);
  });
});

describe('resolve', () => {
  it('treats the ways one body is written as the same entry', () => {
    same('各市政府', '各市人民政府');
    same('有关市政府', '各有关市人民政府');
    same('各相关市人民政府', '有关市政府');
    same('省密码局', '省密码管理局');
    same('工信厅', '省工业和信息化厅');
    same('省人力资源和社会保障厅', '省人力资源社会保障厅');
    expect(registry.resolve('各市政府')).toEqual({ canonical: '各市人民政府', level: 'municipal', known: true, collective: true });
  });

  it('applies generic variants: a province name before 省, 人民政府 ⇄ 政府', () => {
    expect(registry.resolve('山东省大数据局').canonical).toBe('省大数据局');
    expect(registry.resolve('中共山东省委办公厅').canonical).toBe('省委办公厅');
    expect(registry.resolve('江苏省人民政府办公厅').canonical).toBe('省政府办公厅');
    expect(registry.resolve('青岛市政府').canonical).toBe('青岛市人民政府');
  });

  it('repairs names damaged by extraction', () => {
    expect(registry.resolve('省大数 据局').canonical).toBe('省大数据局');
    expect(registry.resolve('省工业和\n信息化厅').canonical).toBe('省工业和信息化厅');
    expect(normalizeDepartmentName(' 各县(市、区)人民政府）')).toBe('各县（市、区）人民政府');
  });

  it('resolves an abbreviation shared by levels to the preferred level', () => {
    expect(registry.resolve('发改委').canonical).toBe('省发展改革委');
    expect(registry.resolve('发改委', { prefer: 'central' }).canonical).toBe('国家发展改革委');
    expect(registry.resolve('网信办', { prefer: 'central' }).canonical).toBe('中央网信办');
    // A full name is never overridden by the preference.
    expect(registry.resolve('省发展改革委', { prefer: 'central' }).canonical).toBe('省发展改革委');
  });

  it('keeps unknown names, marked unknown, with a guessed level', () => {
    expect(registry.resolve('省未来产业局')).toEqual({ canonical: '省未来产业局', level: 'provincial', known: false, collective: false });
    expect(guessLevel('某某市人民政府')).toBe('municipal');
    expect(guessLevel('济南市大数据局')).toBe('municipal');
    expect(guessLevel('市公安局')).toBe('municipal');
    expect(guessLevel('省市场监管局')).toBe('provincial');
    expect(guessLevel('某某集团公司')).toBe('enterprise');
    expect(guessLevel('各有关企业单位')).toBe('group');
    expect(guessLevel('国家某某局')).toBe('central');
  });
});

describe('lookup, closest, allNames, segment', () => {
  it('looks a body up by any name', () => {
    const d = registry.lookup('住建厅');
    expect(d?.name).toBe('省住房城乡建设厅');
    expect(d?.aliases).toContain('省住房和城乡建设厅');
    expect(registry.lookup('不存在的单位')).toBeUndefined();
  });

  it('suggests the closest canonical names', () => {
    expect(registry.closest('省水利局')[0]).toBe('省水利厅');
    expect(registry.closest('工业信息化厅', 3)).toContain('省工业和信息化厅');
    expect(registry.closest('省水利局', 2)).toHaveLength(2);
  });

  it('lists every name once', () => {
    const all = registry.allNames();
    expect(new Set(all).size).toBe(all.length);
    for (const n of ['省工业和信息化厅', '工信厅', '省工信厅', '各市政府']) expect(all).toContain(n);
  });

  it('splits names written together', () => {
    expect(registry.segment('省财政厅省地方金融监管局')).toEqual(['省财政厅', '省地方金融监管局']);
    expect(registry.segment('人民银行山东省分行国家金融监管总局山东监管局')).toEqual(['人民银行山东省分行', '国家金融监管总局山东监管局']);
    expect(registry.segment('省财政厅和谐')).toBeUndefined();
  });
});

describe('search integration', () => {
  it('gives every name to the segmenter dictionary', () => {
    const dict = departmentDictionary(registry);
    expect(dict).toContain('省工业和信息化厅');
    expect(dict).toContain('工信厅');
    expect(dict).toContain('各相关市人民政府');
  });

  it('makes synonyms both ways, and shared abbreviations point at every body', () => {
    const syn = departmentSynonyms(registry);
    expect(syn['工信厅']).toContain('省工业和信息化厅');
    expect(syn['省工业和信息化厅']).toContain('工信厅');
    expect(syn['发改委']).toEqual(expect.arrayContaining(['省发展改革委', '国家发展改革委']));
    expect(syn['工信厅']).not.toContain('工信厅');
  });
});
