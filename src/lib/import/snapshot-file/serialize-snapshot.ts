/**
 * Snapshot → the text of a native snapshot file. Deterministic: model objects are written with
 * their keys in the schema's order (which follows model/snapshot.ts) whatever order they were
 * built in; open-ended values — policy documents, conditions, principals, tags, saved-view
 * state — are written as they are, so policies read exactly as imported.
 */
import type { Snapshot } from '../../model/snapshot';
import schema from '../../../../static/schema/snapshot-v2.json';

type SchemaNode = {
	$ref?: string;
	anyOf?: SchemaNode[];
	type?: string | string[];
	properties?: Record<string, SchemaNode>;
	additionalProperties?: SchemaNode | boolean;
	items?: SchemaNode;
};

/** Copies a value, putting the keys of closed model objects in schema order. */
type Reorder = (value: unknown) => unknown;

const definitions = (schema as { definitions: Record<string, SchemaNode> }).definitions;
const identity: Reorder = (value) => value;
const compiled = new Map<SchemaNode, Reorder>();

function resolve(node: SchemaNode): SchemaNode {
	while (node.$ref) node = definitions[node.$ref.slice('#/definitions/'.length)];
	return node;
}

const hasType = (node: SchemaNode, type: string): boolean =>
	node.type === type || (Array.isArray(node.type) && node.type.includes(type));

/** The reorder function for a schema node, built once per node. */
function reorderFor(raw: SchemaNode): Reorder {
	const node = resolve(raw);
	let fn = compiled.get(node);
	if (fn) return fn;
	fn = identity;
	compiled.set(node, (v) => fn!(v)); // placeholder while building, in case a schema refers to itself
	if (node.anyOf) {
		const branches = node.anyOf.map(resolve);
		const forObject = branches.find((b) => hasType(b, 'object'));
		const forArray = branches.find((b) => hasType(b, 'array'));
		const objectFn = forObject ? reorderFor(forObject) : identity;
		const arrayFn = forArray ? reorderFor(forArray) : identity;
		fn = (v) =>
			v === null || typeof v !== 'object' ? v : Array.isArray(v) ? arrayFn(v) : objectFn(v);
	} else if (node.items) {
		const item = reorderFor(node.items);
		fn = (v) => (Array.isArray(v) ? v.map(item) : v);
	} else if (node.additionalProperties === false && node.properties) {
		// Closed objects only ever hold their schema keys, so a plain object literal is safe.
		const fields = Object.entries(node.properties).map(
			([key, child]) => [key, reorderFor(child)] as const
		);
		fn = (v) => {
			if (v === null || typeof v !== 'object') return v;
			const source = v as Record<string, unknown>;
			const out: Record<string, unknown> = {};
			for (const [key, child] of fields)
				if (source[key] !== undefined) out[key] = child(source[key]);
			return out;
		};
	}
	// Open objects (policy documents, maps) hold no model objects: they are written as they are.
	compiled.set(node, fn);
	return fn;
}

const reorderSnapshot = reorderFor(schema as SchemaNode);

/** The native snapshot file text for `s`: tab-indented JSON with a stable key order and a final newline. */
export function serializeSnapshot(s: Snapshot): string {
	return JSON.stringify(reorderSnapshot(s), null, '\t') + '\n';
}
