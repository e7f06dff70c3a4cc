// Writes public/paperdex-collection.schema.json from the valibot schema of the export format
// (lib/core/json-schema.ts). Run with `npm run schema` after changing lib/core/export-schema.ts or
// lib/core/fields.ts; tests/unit/export-schema.test.ts fails until the committed file matches.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { collectionJsonSchema } from '../../lib/core/json-schema';

const path = fileURLToPath(new URL('../../public/paperdex-collection.schema.json', import.meta.url));
writeFileSync(path, JSON.stringify(collectionJsonSchema(), null, 2) + '\n');
console.log(`wrote ${path}`);
