/**
 * Snapshot → the text of a native snapshot file. Deterministic: model objects are written with
 * their keys in the schema's order (which follows model/snapshot.ts) whatever order they were
 * built in; open-ended values — policy documents, conditions, principals, tags, saved-view
 * state — keep their own key order, so policies read exactly as imported.
 */
import type { Snapshot } from '../../model/snapshot';
import schema from '../../../../static/schema/snapshot-v1.json';

type SchemaNode = {
	$ref?: string;
	anyOf?: SchemaNode[];
	type?: string | string[];
	properties?: Record<string, SchemaNode>;
	additionalProperties?: SchemaNode | boolean;
	items?: SchemaNode;
};

const definitions = (schema as { definitions: Record<string, SchemaNode> }).definitions;

function resolve(node: SchemaNode | undefined): SchemaNode | undefined {
	while (node?.$ref) node = definitions[node.$ref.slice('#/definitions/'.length)];
	return node;
}

const hasType = (node: SchemaNode, type: string): boolean =>
	node.type === type || (Array.isArray(node.type) && node.type.includes(type));

/** The schema branch describing `value` (an object or an array), if any. */
function branchFor(node: SchemaNode | undefined, value: object): SchemaNode | undefined {
	const n = resolve(node);
	if (!n?.anyOf) return n;
	const type = Array.isArray(value) ? 'array' : 'object';
	return n.anyOf.map(resolve).find((b) => b && hasType(b, type));
}

/** A copy of `value` with model objects' keys in schema order. */
function ordered(value: unknown, node: SchemaNode | undefined): unknown {
	if (value === null || typeof value !== 'object') return value;
	const n = branchFor(node, value);
	if (Array.isArray(value)) return value.map((item) => ordered(item, n?.items));
	const source = value as Record<string, unknown>;
	// A null prototype keeps keys such as "__proto__" (legal in tags) as plain data.
	const out: Record<string, unknown> = Object.create(null);
	const props = n?.properties ?? {};
	const rest = typeof n?.additionalProperties === 'object' ? n.additionalProperties : undefined;
	const childSchema = (key: string) => (Object.hasOwn(props, key) ? props[key] : rest);
	// Closed model objects take the schema's order; open ones (policy documents, maps) their own.
	const keys =
		n?.additionalProperties === false
			? Object.keys(props).filter((k) => Object.hasOwn(source, k))
			: Object.keys(source);
	for (const key of keys) out[key] = ordered(source[key], childSchema(key));
	return out;
}

/** The native snapshot file text for `s`: tab-indented JSON with a stable key order and a final newline. */
export function serializeSnapshot(s: Snapshot): string {
	return JSON.stringify(ordered(s, schema as SchemaNode), null, '\t') + '\n';
}
