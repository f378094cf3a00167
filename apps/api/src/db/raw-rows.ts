import type { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Entities from hand-written SQL, converted exactly as TypeORM converts them: the select list names
 * every column of the entity under `<prefix>_<column>`, and each value goes through the driver's own
 * hydration (booleans, datetimes, json, simple-array, transformers) — only TypeORM's query building
 * and its generic result transformer are skipped, which is what a hot read's CPU profile showed.
 */
interface Shape {
  metadata: EntityMetadata;
  /** `alias`.`column` AS `prefix_column`, … per alias/prefix */
  selects: Map<string, string>;
}

const shapes = new WeakMap<EntityMetadata, Shape>();

function shapeOf(manager: EntityManager, entity: EntityTarget<ObjectLiteral>): Shape {
  const metadata = manager.connection.getMetadata(entity);
  let shape = shapes.get(metadata);
  if (!shape) {
    shape = { metadata, selects: new Map() };
    shapes.set(metadata, shape);
  }
  return shape;
}

/**
 * The select list of every column of the entity read from `alias`, named `${prefix}_${column}`, as
 * TypeORM's find reads it: a column marked `select: false` is left out (e.g. a signature's signed
 * content). `except` leaves further columns out (by property name) — hydrate leaves those unset.
 */
export function selectColumns(manager: EntityManager, entity: EntityTarget<ObjectLiteral>, alias: string, prefix = alias, except: readonly string[] = []): string {
  const shape = shapeOf(manager, entity);
  const key = `${alias} ${prefix} ${except.join(',')}`;
  let list = shape.selects.get(key);
  if (!list) {
    list = shape.metadata.columns
      .filter((c) => c.isSelect && !except.includes(c.propertyName))
      .map((c) => `\`${alias}\`.\`${c.databaseName}\` AS \`${prefix}_${c.databaseName}\``)
      .join(', ');
    shape.selects.set(key, list);
  }
  return list;
}

/**
 * the same names as selectColumns(…, prefix), each NULL: the other half of a UNION ALL of two
 * entities' rows (a row is told by a column of its own, e.g. `kind`)
 */
export function nullColumns(manager: EntityManager, entity: EntityTarget<ObjectLiteral>, prefix: string): string {
  return shapeOf(manager, entity)
    .metadata.columns.filter((c) => c.isSelect)
    .map((c) => `NULL AS \`${prefix}_${c.databaseName}\``)
    .join(', ');
}

/** the entity of one raw row read with selectColumns(…, prefix) */
export function hydrate<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, raw: Record<string, unknown>, prefix: string): T {
  const { metadata } = shapeOf(manager, entity as EntityTarget<ObjectLiteral>);
  const driver = manager.connection.driver;
  const row = metadata.create(undefined, { fromDeserializer: true }) as T;
  for (const column of metadata.columns) {
    const value = raw[`${prefix}_${column.databaseName}`];
    if (value === undefined) continue;
    column.setEntityValue(row, driver.prepareHydratedValue(value, column));
  }
  return row;
}
