import { describe, expect, it } from 'vitest';
import * as normalize from '../../ingest/normalize/index.js';
import * as patterns from '../../core/patterns/index.js';

describe('ingest/normalize public surface', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(normalize).sort()).toEqual([
      'CLEANERS',
      'countArtifacts',
      'markdownHeadingDepth',
      'normalizeText',
      'normalizeTextWithReport',
      'originalLineAt',
      'originalSlice',
      'toNormalizedOffset',
      'toOriginalOffset',
    ]);
  });

  it('runs its cleaners in this order', () => {
    expect(normalize.CLEANERS.map((c) => c.name)).toEqual([
      'strip-invisibles',
      'unify-line-breaks',
      'drop-control-chars',
      'unify-title-marks',
      'fold-width',
      'to-chinese-punctuation',
      'to-full-width-parentheses',
      'to-chinese-full-stops',
      'tabulate-cell-lines',
      'drop-page-numbers',
      'untab-label-gaps',
      'tabulate-space-aligned-rows',
      'drop-repeated-table-headers',
      'rejoin-broken-lines',
      'strip-markdown',
      'tidy-whitespace',
      'collapse-blank-lines',
      'flag-lost-decimals',
    ]);
  });
});

describe('core/patterns public surface', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(patterns).sort()).toEqual([
      'CJKISH',
      'CN_NUMERAL_CHARS',
      'HAN',
      'NOTE_CLOSE',
      'NOTE_LINE_START',
      'NOTE_OPEN',
      'NUMBERING_PATTERNS',
      'RESPONSIBILITY_NOTE_START',
      'chineseNumeralToNumber',
      'displayWidth',
      'endsSentence',
      'findDocNumbers',
      'foldDigits',
      'formatNumeral',
      'isAsciiAlnum',
      'isAsciiDigit',
      'isBullet',
      'isCjkish',
      'isHan',
      'isMarkdownHeading',
      'isTableRow',
      'matchNumbering',
      'normalizeDocNumber',
      'normalizeDocNumbersIn',
      'numberToChineseNumeral',
      'opensBlock',
      'parseNumeral',
      'startsWithResponsibilityNote',
      'stripLinePrefix',
    ]);
  });
});
