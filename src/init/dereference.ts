// JSON Schema documents with every $ref inlined (no `node:` import: the page uses it on its bundled schemas).

/** The subset of JSON Schema the input schemas use (see schemas/). */
export interface SchemaNode {
  $schema?: string;
  $id?: string;
  $ref?: string;
  $defs?: Record<string, SchemaNode>;
  title?: string;
  description?: string;
  type?: string;
  const?: unknown;
  enum?: unknown[];
  properties?: Record<string, SchemaNode>;
  required?: string[];
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  uniqueItems?: boolean;
  [key: string]: unknown;
}

/** Keywords that may sit beside a $ref without changing what it validates (annotations only). */
const ANNOTATIONS = new Set(['$ref', 'title', 'description', '$comment', 'examples', 'default']);

/**
 * The schema with every $ref replaced by the schema it points to (annotations beside the $ref win),
 * so the result stands alone: no $ref, no $defs, no $id. Refs are resolved against the $id of the
 * document that contains them, exactly as Ajv does. A cycle or an unknown target is a bug in schemas/.
 */
export function dereference(id: string, docs: Map<string, SchemaNode>): SchemaNode {
  const root = docs.get(id);
  if (!root) throw new Error(`schema not found: ${id}`);
  const { $id: _id, $defs: _defs, ...rest } = root;
  return inline(rest, id, docs, []);
}

function inline(node: SchemaNode, base: string, docs: Map<string, SchemaNode>, stack: string[]): SchemaNode {
  if (node.$ref !== undefined) {
    const target = new URL(node.$ref, base).href;
    if (stack.includes(target)) throw new Error(`cyclic $ref ${[...stack, target].join(' -> ')}`);
    const extra = Object.keys(node).filter((k) => !ANNOTATIONS.has(k));
    if (extra.length > 0) throw new Error(`$ref ${node.$ref} has validation keywords beside it (${extra.join(', ')}); cannot inline`);
    const [docId, fragment = ''] = target.split('#');
    const doc = docs.get(docId!);
    if (!doc) throw new Error(`$ref ${node.$ref} (${target}) points to an unknown schema`);
    const resolved = pointer(doc, fragment, target);
    const { $ref: _ref, ...annotations } = node;
    const expanded = inline(resolved, docId!, docs, [...stack, target]);
    return { ...expanded, ...annotations };
  }
  const out: SchemaNode = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$defs' || key === '$id') continue;
    if (key === 'properties' && value && typeof value === 'object') {
      out.properties = Object.fromEntries(Object.entries(value as Record<string, SchemaNode>).map(([k, v]) => [k, inline(v, base, docs, stack)]));
    } else if ((key === 'items' || key === 'additionalProperties' || key === 'propertyNames') && value && typeof value === 'object') {
      out[key] = inline(value as SchemaNode, base, docs, stack);
    } else {
      out[key] = value;
    }
  }
  return out;
}

function pointer(doc: SchemaNode, fragment: string, target: string): SchemaNode {
  let node: unknown = doc;
  for (const raw of fragment.split('/').filter((s) => s !== '')) {
    const segment = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined;
    if (node === undefined) throw new Error(`$ref ${target} does not resolve`);
  }
  return node as SchemaNode;
}
