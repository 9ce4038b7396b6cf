import type { DepartmentRegistry } from '../../../core/departments/index.js';
import type { PolicyNode } from '../../../core/model/tree.js';
import { isBodyLike } from './department-list.js';

/** How names of bodies begin: a level (省, 市, 各…), a central prefix, or a place name and its level. */
const BODY_START = /^(省|市|县|区|各|国家|中央|中共|国务院|国网|人民银行|中国|共青团|团省委|[\u4e00-\u9fff]{2,3}(省|市|县|区))/;

/** The node's words after its printed number (（八）, 3.). */
export function withoutLabel(node: PolicyNode): string {
  const text = node.text.trimStart();
  if (node.label && text.startsWith(node.label)) return text.slice(node.label.length).trimStart();
  return text.replace(/^(?:[（(][一二三四五六七八九十百零〇\d]+[)）]|[一二三四五六七八九十百零〇]+、|\d+[.．、])\s*/, '');
}

/**
 * The department a heading names when it heads that department's duties:
 * （八）省政府办公厅 followed by what 省政府办公厅 does. The heading must be the
 * name alone, and a body the registry knows or shaped like one.
 */
export function sectionDepartment(node: PolicyNode, registry: DepartmentRegistry): string | undefined {
  if (node.kind !== 'heading' && node.kind !== 'task') return undefined;
  const words = (node.heading ?? withoutLabel(node)).replace(/[\s：:。.]+$/, '').trim();
  if (!words || words.length > 30 || /[，,。；;：:]/.test(words)) return undefined;
  if (node.heading === undefined && withoutLabel(node).replace(/[\s：:。.]+$/, '') !== words) return undefined;
  // Section titles are short phrases too (推进数字产业高端布局): an unknown name must also start like a body.
  return registry.lookup(words) || (isBodyLike(words) && BODY_START.test(words)) ? words : undefined;
}

/**
 * A department-headed item whose duties were glued to the heading line
 * ((八)省政府办公厅健全政务服务事项…): the full name of a known body right after
 * the number, then text. Only trusted when siblings follow the same pattern.
 */
export function gluedSectionDepartment(node: PolicyNode, registry: DepartmentRegistry): { name: string; rest: string } | undefined {
  if (!node.label || node.kind !== 'task' || node.children.length) return undefined;
  const words = withoutLabel(node);
  for (let len = Math.min(24, words.length - 2); len >= 3; len--) {
    const name = words.slice(0, len);
    const hit = registry.lookup(name);
    // One named body, by its full name: an abbreviation or a group (省直有关部门…) opening a sentence is prose.
    if (hit && hit.level !== 'group' && (hit.name === name || hit.aliases.includes(name))) {
      const rest = words.slice(len).replace(/^[\s：:。.]+/, '');
      // Duties are sentences, not a title.
      return rest.length >= 8 && /[，,。；;]/.test(rest) ? { name, rest } : undefined;
    }
  }
  return undefined;
}
