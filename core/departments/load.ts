import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createDepartmentRegistry, type DepartmentRegistry } from './registry.js';

/** The committed registry data file. */
export const REGISTRY_FILE = fileURLToPath(new URL('./registry.json', import.meta.url));

/**
 * Reads and validates the registry data (the only disk I/O of this folder).
 * @param file path of a registry JSON file (default: the committed core/departments/registry.json)
 */
export async function loadDepartmentRegistry(file: string = REGISTRY_FILE): Promise<DepartmentRegistry> {
  const text = await readFile(file, 'utf8');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new Error(`${file} is not valid JSON: ${(err as Error).message}`, { cause: err });
  }
  return createDepartmentRegistry(data as never);
}
