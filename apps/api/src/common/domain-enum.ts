import { registerEnumType } from 'type-graphql';

/**
 * A GraphQL enum over one of the domain's value lists, each value described by the domain's Chinese
 * label, so the schema says the same words as the console and the audit trail.
 */
export function domainEnum<V extends string>(name: string, values: readonly V[], labels: Record<V, string>, description: string): { [K in V]: K } {
  const enumObject = Object.fromEntries(values.map((v) => [v, v])) as { [K in V]: K };
  const valuesConfig = Object.fromEntries(values.map((v) => [v, { description: labels[v] }])) as { [K in V]: { description: string } };
  registerEnumType(enumObject, { name, description, valuesConfig });
  return enumObject;
}
