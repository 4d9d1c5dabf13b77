// npm run api:generate — writes src/api/schema.d.ts from src/api/openapi.json.
import { writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { generateSchemaFromFile, SCHEMA_PATH } from './api-schema.mjs';

const source = await generateSchemaFromFile();
await writeFile(SCHEMA_PATH, source, 'utf8');
console.log(`wrote ${relative(process.cwd(), SCHEMA_PATH)}`);
