import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

function fieldsNamed(
  set: SelectionSetNode | undefined,
  name: string,
  info: GraphQLResolveInfo,
): FieldNode[] {
  const out: FieldNode[] = [];
  for (const sel of set?.selections ?? []) {
    if (sel.kind === Kind.FIELD) {
      if (sel.name.value === name) out.push(sel);
    } else if (sel.kind === Kind.INLINE_FRAGMENT)
      out.push(...fieldsNamed(sel.selectionSet, name, info));
    else {
      const fragment = info.fragments[sel.name.value];
      if (fragment) out.push(...fieldsNamed(fragment.selectionSet, name, info));
    }
  }
  return out;
}

/**
 * Whether the query asks for `path` (field names) below the field being resolved, through inline
 * fragments and fragment spreads. For loading what a page will need in one statement; `@skip` and
 * `@include` are ignored, so at worst something is read and not shown.
 */
export function selects(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  let nodes: readonly FieldNode[] = info.fieldNodes;
  for (const name of path) {
    nodes = nodes.flatMap((n) => fieldsNamed(n.selectionSet, name, info));
    if (nodes.length === 0) return false;
  }
  return true;
}
