/**
 * Google Cloud full resource names: `//<service>.googleapis.com/<path>`, e.g.
 * `//compute.googleapis.com/projects/acme-prod/zones/europe-west1-b/instances/web-1`. The path names
 * the project by id or number for most services; a Cloud Storage bucket's has no project at all.
 */

const FULL_NAME = /^\/\/([a-z0-9-]+)\.googleapis\.com\/(.+)$/i;

/** True for strings that look like a Google Cloud full resource name. */
export function isGcpResourceName(value: string): boolean {
  return FULL_NAME.test(value.trim());
}

export interface GcpNameParts {
  /** `compute`, `storage`, `sqladmin`... */
  service: string;
  /** The project id or number the path names, if it names one. */
  project: string | null;
  /** The last path segment: the resource's own id. */
  id: string;
}

/** Split a full resource name; null when the text is not one. */
export function parseGcpResourceName(value: string): GcpNameParts | null {
  const m = FULL_NAME.exec(value.trim());
  if (!m) return null;
  const segments = (m[2] ?? '').split('/').filter((s) => s !== '');
  const at = segments.indexOf('projects');
  return {
    service: (m[1] ?? '').toLowerCase(),
    project: at >= 0 ? (segments[at + 1] ?? null) : null,
    id: segments.at(-1) ?? m[2] ?? ''
  };
}

/** `projects/123456789012` (or a bare number) → `123456789012`; anything else as given. */
export function projectNumber(value: string): string {
  return value.trim().replace(/^projects\//, '');
}
