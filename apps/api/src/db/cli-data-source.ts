/**
 * For `typeorm migration:generate` only (developers): the data source of DATABASE_URL, e.g.
 *   DATABASE_URL=sqlite:///tmp/gen.sqlite npx typeorm migration:generate -d dist/db/cli-data-source.js src/migrations/sqlite/Name
 */
import { parseDatabaseUrl } from '../config';
import { createDataSource } from './data-source';

export default createDataSource(parseDatabaseUrl(process.env.DATABASE_URL));
