/** From written owners to canonical ones: the document's level, and each name resolved once, in order. */
import { resolveDepartment, type DepartmentRegistry, type IssuingLevel, type Level } from '../../../core/departments/index.js';
import type { PolicyDocument } from '../../../core/model/document.js';
import type { Owner } from '../../../core/index/schemas.js';
import type { WrittenOwner } from './notes.js';

/**
 * The level of the bodies a document addresses, for abbreviations shared by
 * levels (发改委): national markers → central, a province → provincial, a city
 * → municipal; otherwise the registry's preferred level.
 */
export function documentLevel(doc: Pick<PolicyDocument, 'title' | 'issuer'>, registry: DepartmentRegistry): Level {
  const words = `${doc.title} ${doc.issuer ?? ''}`;
  if (/省|自治区/.test(words)) return 'provincial';
  if (/^[\u4e00-\u9fff]{2,4}市/.test(doc.title) || /^[\u4e00-\u9fff]{2,4}市/.test(doc.issuer ?? '')) return 'municipal';
  if (/中华人民共和国|国务院|中共中央|^国家|全国/.test(words)) return 'central';
  return registry.preferLevel;
}

/**
 * Resolves written owners to canonical ones, first mention of a department wins,
 * order kept. `issuing` is the document's own level: a bare department word in a
 * 自治区, city or district document is that body's (resolveDepartment).
 */
export function resolveOwners(written: WrittenOwner[], registry: DepartmentRegistry, prefer?: Level, issuing?: IssuingLevel): Owner[] {
  const out: Owner[] = [];
  const seen = new Set<string>();
  for (const w of written) {
    const r = resolveDepartment(w.asWritten, registry, issuing, prefer ? { prefer } : {});
    if (seen.has(r.canonical)) continue;
    seen.add(r.canonical);
    out.push({
      department: r.canonical,
      role: w.role,
      ...(w.asWritten !== r.canonical ? { asWritten: w.asWritten } : {}),
      known: r.known,
      ...(r.collective ? { collective: true } : {}),
      ...(w.inherited ? { inherited: true } : {}),
    });
  }
  return out;
}
