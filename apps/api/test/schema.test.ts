import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printApiSchema, SCHEMA_FILE } from '../src/scripts/emit-schema';

describe('schema.graphql', () => {
  it('is the schema the code builds (run `npm run schema -w @touming/api` after changing GraphQL types)', async () => {
    const committed = fs.readFileSync(SCHEMA_FILE, 'utf8');
    expect(committed).toBe(await printApiSchema());
  });
});
