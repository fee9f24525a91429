/** The shared fixtures: read-only, at ../shared next to the repository (as in CI). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../../../shared/fixtures/', import.meta.url));

export function fixture(...parts: string[]): Buffer {
  return readFileSync(join(FIXTURES, ...parts));
}

/** The shared data tables (framework layouts, OSCAL schema), beside the fixtures. */
export const SHARED_DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));

export function sharedData(...parts: string[]): Buffer {
  return readFileSync(join(SHARED_DATA, ...parts));
}
