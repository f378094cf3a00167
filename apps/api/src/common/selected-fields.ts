/**
 * The field names a resolver's caller selected on its result (one level deep, through named and inline
 * fragments): lets a resolver answer from what it already holds only when that covers the selection.
 */
import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

export function selectedFieldNames(info: GraphQLResolveInfo): Set<string> {
  return namesIn(info, info.fieldNodes.map((node) => node.selectionSet));
}

/**
 * The field names selected one level further, under `field` of the result (e.g. the `items` of a
 * list page): `reports { items { id status } }` → { id, status }.
 */
export function selectedFieldNamesUnder(info: GraphQLResolveInfo, field: string): Set<string> {
  const sets: Array<SelectionSetNode | undefined> = [];
  forEachField(info, info.fieldNodes.map((node) => node.selectionSet), (node) => {
    if (node.name.value === field) sets.push(node.selectionSet);
  });
  return namesIn(info, sets);
}

function namesIn(info: GraphQLResolveInfo, sets: Array<SelectionSetNode | undefined>): Set<string> {
  const names = new Set<string>();
  forEachField(info, sets, (node) => names.add(node.name.value));
  return names;
}

/** every field node of the selection sets, through named and inline fragments */
function forEachField(info: GraphQLResolveInfo, sets: Array<SelectionSetNode | undefined>, visit: (node: FieldNode) => void): void {
  const walk = (set: SelectionSetNode | undefined) => {
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.FIELD) visit(s);
      else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet);
      else walk(info.fragments[s.name.value]?.selectionSet);
    }
  };
  for (const set of sets) walk(set);
}
