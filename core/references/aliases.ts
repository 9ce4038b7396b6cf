import { cleanTitle } from './scan-titles.js';

/** A short name a text defines for a document it cites: 《数字中国建设整体布局规划》（以下简称《规划》）. */
export interface AliasDefinition {
  /** The short name: 规划. */
  alias: string;
  /** Start of the title it stands for, in the text (matched against the citation spans). */
  titleEnd: number;
  /** The definition's own span: （以下简称《规划》）. */
  start: number;
  end: number;
}

/** （以下简称《规划》） （以下简称“规划”） （以下简称：规划） （下称《条例》）. */
const DEFINITION =
  /^[ \t\u3000]*[（(][ \t\u3000]*(?:以下|下文)?(?:简称|称)[ \t\u3000]*[：:]?[ \t\u3000]*[《“"«]?([^（）()《》“”"«»，,。；\n]{1,24}?)[》”"»]?[ \t\u3000]*[）)]/u;

/**
 * Reads a short-name definition right after a citation ending at `at`.
 * A definition after anything else (（以下简称运营者）after a plain noun) names a
 * term, not a document, and is not looked for.
 */
export function readAliasDefinition(text: string, at: number): AliasDefinition | undefined {
  const m = DEFINITION.exec(text.slice(at, at + 48));
  if (!m) return undefined;
  const alias = cleanTitle(m[1]!);
  if (!alias) return undefined;
  return { alias, titleEnd: at, start: at + m[0].search(/[（(]/u), end: at + m[0].length };
}
