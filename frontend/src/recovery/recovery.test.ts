import { describe, expect, it } from 'vitest';
import { fetchHealth, newestFirst, parseHealth, type BackupSummary } from './recovery';

describe('parseHealth', () => {
  it('recognises a damaged database with its problem and folder', () => {
    expect(
      parseHealth({ status: 'damaged', version: '1.2.0', problem: 'database disk image is malformed', dataDir: '/home/élodie/Civisphere' }),
    ).toEqual({ status: 'damaged', version: '1.2.0', problem: 'database disk image is malformed', dataDir: '/home/élodie/Civisphere' });
  });

  it('treats anything else as the normal app', () => {
    expect(parseHealth({ status: 'ok', version: '1.2.0' }).status).toBe('ok');
    expect(parseHealth(null).status).toBe('ok');
    expect(parseHealth('damaged').status).toBe('ok');
    expect(parseHealth({ status: 'DAMAGED' }).status).toBe('ok');
  });
});

describe('newestFirst', () => {
  const b = (name: string, createdAt: string): BackupSummary => ({
    name,
    createdAt,
    reason: 'daily',
    sizeBytes: 1,
    schemaVersion: 11,
    location: 'main',
  });

  it('orders by creation time, newest first, without changing the input', () => {
    const input = [b('a', '2026-11-20T10:00:00Z'), b('c', '2026-11-25T09:00:00+01:00'), b('b', '2026-11-25T07:30:00Z')];
    expect(newestFirst(input).map((x) => x.name)).toEqual(['c', 'b', 'a']);
    expect(input[0]?.name).toBe('a');
  });
});

describe('fetchHealth', () => {
  it('reads the server answer', async () => {
    const fake = (async () => new Response(JSON.stringify({ status: 'damaged', version: 'x' }), { status: 200 })) as typeof fetch;
    expect((await fetchHealth(fake)).status).toBe('damaged');
  });

  it('leaves an unreachable or failing server to the normal app', async () => {
    const failing = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect((await fetchHealth(failing)).status).toBe('ok');
    const error500 = (async () => new Response('boom', { status: 500 })) as typeof fetch;
    expect((await fetchHealth(error500)).status).toBe('ok');
  });
});
