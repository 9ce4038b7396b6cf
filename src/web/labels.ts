import type { DocKind } from '../../core/model/document.js';
import type { NodeKind } from '../../core/model/tree.js';
import type { Relation, ReferenceStatus } from '../../core/references/reference.js';
import type { Level } from '../../core/departments/schema.js';

/** The words the pages use for the index's codes, in one place. */
export const DOC_KIND: Record<DocKind, string> = {
  law: '法律',
  regulation: '条例',
  rules: '办法·规定',
  plan: '规划·方案',
  opinion: '意见',
  notice: '通知',
  compilation: '汇编',
  speeches: '论述摘编',
  catalogue: '文件目录',
  other: '其他',
};

export const NODE_KIND: Record<NodeKind, string> = {
  document: '全文',
  part: '编',
  chapter: '章',
  section: '节',
  article: '条',
  paragraph: '款',
  item: '项',
  subitem: '目',
  heading: '标题',
  task: '任务',
  block: '段落',
  box: '专栏',
  table: '表格',
  row: '表格行',
  excerpt: '摘录',
  entry: '目录条目',
};

export type RoleName = 'lead' | 'responsible' | 'cooperating';
export const ROLE: Record<RoleName, string> = { lead: '牵头', responsible: '负责', cooperating: '配合' };

export const RELATION: Record<Relation, string> = { basis: '根据', implements: '落实', mentions: '提及' };

export const STATUS: Record<ReferenceStatus, string> = {
  resolved: '已链接',
  catalogue: '见目录',
  ambiguous: '有歧义',
  unresolved: '未找到',
};

export const LEVEL: Record<Level, string> = {
  central: '中央',
  provincial: '省级',
  municipal: '市级',
  county: '区县级',
  subdistrict: '街道',
  regulator: '监管机构',
  enterprise: '企业',
  group: '统称',
};

/** A label for a code, or the code itself when the map does not know it (a kind added later). */
export function label<K extends string>(map: Record<K, string>, code: string): string {
  return (map as Record<string, string>)[code] ?? code;
}

/** The stylesheet's class for each effect status (the words themselves are the index's: 现行有效…); 未知 has none — no badge. */
export const EFFECT_STATUS_CLASS: Record<string, string> = {
  现行有效: 'in-force',
  尚未施行: 'pending',
  已修改: 'amended',
  已废止: 'repealed',
  规划期满: 'expired',
};
