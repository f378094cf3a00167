// The console's typed documents (src/gql) are built, not committed: generate them before the tests,
// so `npx vitest run` works on a fresh clone and always runs against the current schema.
import { writeGenerated } from '../../scripts/codegen.mjs';

export default async function setup() {
  await writeGenerated();
}
