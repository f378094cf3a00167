/**
 * The field names a resolver's caller selected on its result (one level deep, through named and inline
 * fragments): lets a resolver answer from what it already holds only when that covers the selection.
 */
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

export function selectedFieldNames(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  const visit = (set: SelectionSetNode | undefined) => {
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.FIELD) names.add(s.name.value);
      else if (s.kind === Kind.INLINE_FRAGMENT) visit(s.selectionSet);
      else visit(info.fragments[s.name.value]?.selectionSet);
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet);
  return names;
}
