import { walk, type PolicyNode } from '../../core/model/tree.js';

/** How many nodes of each kind a tree holds (the root included): { article: 79, paragraph: 120, … }. */
export function countNodesByKind(root: PolicyNode): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [node] of walk(root)) counts[node.kind] = (counts[node.kind] ?? 0) + 1;
  return counts;
}

/** Labels compare without blanks and with parentheses and list dots in one width: (一) = （一）, 1、 = 1. */
function labelKey(label: string): string {
  return label
    .replace(/[ \u3000]/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/^(\d+)[、．]$/, '$1.');
}

/**
 * Finds a node by a path of labels, each looked up among the descendants of
 * the previous match (levels in between may be skipped):
 * ['第三章', '第二十一条', '第一款', '（一）'], ['第二十一条', '（三）'], ['二、', '（一）', '3.'].
 * Returns the first match in document order, or undefined.
 */
export function findNodeByLabelPath(root: PolicyNode, labels: readonly string[]): PolicyNode | undefined {
  let node: PolicyNode | undefined = root;
  for (const label of labels) {
    const want = labelKey(label);
    let found: PolicyNode | undefined;
    for (const [candidate] of walk(node)) {
      if (candidate !== node && candidate.label !== undefined && labelKey(candidate.label) === want) {
        found = candidate;
        break;
      }
    }
    if (!found) return undefined;
    node = found;
  }
  return node === root && labels.length ? undefined : node;
}
