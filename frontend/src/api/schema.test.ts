import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { generateSchemaFromFile, HEADER, SCHEMA_PATH } from '../../scripts/api-schema.mjs';

describe('src/api/schema.d.ts', () => {
  it('is up to date with src/api/openapi.json (run `npm run api:generate` after an API change)', async () => {
    const committed = (await readFile(SCHEMA_PATH, 'utf8')).replace(/\r\n/g, '\n');
    const fresh = await generateSchemaFromFile();
    expect(committed.startsWith(HEADER)).toBe(true);
    // A plain boolean first, so that the failure message is short and says what to do.
    expect(committed === fresh, 'schema.d.ts is stale: run `npm run api:generate` in frontend/').toBe(true);
  });
});
