import type { OperationDefinitionNode } from 'graphql';

/**
 * The metrics/log name of an operation: its type and root fields, e.g. "mutation updateReport".
 * Built from the parsed document, so it only ever contains names the schema knows (bounded label values).
 */
export function operationLabel(operation: OperationDefinitionNode | undefined | null): string {
  if (!operation) return 'unparsed';
  const fields = operation.selectionSet.selections
    .map((s) => (s.kind === 'Field' ? s.name.value : '…'))
    .filter((name, i, all) => all.indexOf(name) === i)
    .sort();
  const shown = fields.length > 4 ? [...fields.slice(0, 4), '…'] : fields;
  return `${operation.operation} ${shown.join(',')}`;
}
