import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createIndicatorRegistry, type IndicatorRegistry } from './normalize.js';

export const INDICATOR_REGISTRY_FILE = fileURLToPath(new URL('./registry.json', import.meta.url));
let cached: IndicatorRegistry | undefined;

/** The committed indicator registry, read once (the only disk I/O of this folder). */
export function loadIndicatorRegistry(): IndicatorRegistry {
  cached ??= createIndicatorRegistry(JSON.parse(readFileSync(INDICATOR_REGISTRY_FILE, 'utf8')));
  return cached;
}
