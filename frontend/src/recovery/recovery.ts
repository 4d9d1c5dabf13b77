// The recovery screen's logic, kept apart from the component so it can be tested without a
// browser. The server answers /api/health with status "damaged" when the database failed its
// integrity check at start-up; it then serves only the health, the backups and their restore.

export interface Health {
  status: 'ok' | 'damaged';
  version: string;
  /** What the integrity check found, in the server's words (only when damaged). */
  problem?: string;
  /** The data folder, so the person can find the damaged file (only when damaged). */
  dataDir?: string;
}

export interface BackupSummary {
  name: string;
  createdAt: string;
  reason: string;
  sizeBytes: number;
  schemaVersion: number;
  location: string;
}

/** Reads /api/health's body; anything unexpected counts as a healthy server (the normal app). */
export function parseHealth(body: unknown): Health {
  if (typeof body !== 'object' || body === null) return { status: 'ok', version: '' };
  const b = body as Record<string, unknown>;
  const status = b.status === 'damaged' ? 'damaged' : 'ok';
  return {
    status,
    version: typeof b.version === 'string' ? b.version : '',
    problem: typeof b.problem === 'string' ? b.problem : undefined,
    dataDir: typeof b.dataDir === 'string' ? b.dataDir : undefined,
  };
}

/** Backups newest first; the first one is what "restore the latest backup" restores. */
export function newestFirst(items: readonly BackupSummary[]): BackupSummary[] {
  return [...items].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.name.localeCompare(a.name));
}

/** Asks the server whether it started in recovery mode. A server that cannot be reached is
 * left to the normal app, which knows how to say so. */
export async function fetchHealth(fetchFn: typeof fetch = fetch): Promise<Health> {
  try {
    const res = await fetchFn('/api/health', { headers: { Accept: 'application/json' } });
    if (!res.ok) return { status: 'ok', version: '' };
    return parseHealth(await res.json());
  } catch {
    return { status: 'ok', version: '' };
  }
}
