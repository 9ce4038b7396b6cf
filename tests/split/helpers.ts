import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Manifest } from '../../ingest/corpus/manifest.js';
import { normalizeText } from '../../ingest/normalize/index.js';
import type { NormalizedFile, SourceFile } from '../../ingest/stages.js';

export const CORPUS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../corpus');

export function sourceOf(text: string, filePath = 'fixture.txt'): SourceFile {
  return { path: filePath, format: filePath.endsWith('.md') ? 'md' : 'txt', encoding: 'utf-8', text, sha256: '0'.repeat(64) };
}

/** A file "normalized" by the identity: splitting must work on raw text too. */
export function rawFile(text: string, filePath = 'fixture.txt'): NormalizedFile {
  return { source: sourceOf(text, filePath), text, map: { norm: [0], orig: [0] }, artifacts: 0, messages: [] };
}

/** A file through the real normalizer. */
export function normalizedFile(text: string, filePath = 'fixture.txt'): NormalizedFile {
  return normalizeText(sourceOf(text, filePath));
}

export function corpusText(name: string): string {
  return readFileSync(path.join(CORPUS, name), 'utf8');
}

export const manifest = Manifest.parse(JSON.parse(readFileSync(path.join(CORPUS, 'manifest.json'), 'utf8')));

/** Corpus files by role (names are the corpus's, not the code's). */
export const FILES = {
  compilation: 'zibo-big-data-laws-and-policies-compilation-2023.txt',
  notice: 'shandong-digital-infrastructure-action-plan-2024-2025.md',
  guidance: 'shandong-digital-infrastructure-guidance-2020.txt',
  threeYear: 'shandong-new-infrastructure-three-year-action-plan-2020-2022.txt',
  province: 'shandong-14th-five-year-digital-province-plan-2021.txt',
} as const;
