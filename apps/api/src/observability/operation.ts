import type { OperationDefinitionNode } from 'graphql';

/**
 * The metrics/log name of an operation: its type and root field, e.g. "mutation updateReport"; an
 * operation with several root fields is named by the first of them in alphabetical order and "…"
 * ("query countyProgress,…"). Every value is built from names the schema knows (the document was
 * validated), and there is at most two per root field — never a combination a client can vary
 * (four sorted fields of ~90 made millions of label values: 600 requests grew /metrics from 75 KB to
 * 1.1 MB).
 */
export function operationLabel(operation: OperationDefinitionNode | undefined | null): string {
  if (!operation) return 'unparsed';
  const fields = [...new Set(operation.selectionSet.selections.map((s) => (s.kind === 'Field' ? s.name.value : '…')))].sort();
  if (fields.length === 0) return operation.operation;
  return `${operation.operation} ${fields[0]}${fields.length > 1 ? ',…' : ''}`;
}
