import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createIssuerRegistry, type IssuerRegistry } from './normalize.js';

/** The committed registry data file. */
export const ISSUER_REGISTRY_FILE = fileURLToPath(new URL('./registry.json', import.meta.url));

let cached: IssuerRegistry | undefined;

/** The committed issuer registry, read once (the only disk I/O of this folder). */
export function loadIssuerRegistry(file: string = ISSUER_REGISTRY_FILE): IssuerRegistry {
  if (file !== ISSUER_REGISTRY_FILE) return createIssuerRegistry(JSON.parse(readFileSync(file, 'utf8')));
  cached ??= createIssuerRegistry(JSON.parse(readFileSync(file, 'utf8')));
  return cached;
}
