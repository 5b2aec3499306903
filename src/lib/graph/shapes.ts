/**
 * How each node kind looks besides its colour: a Cytoscape shape, a glyph drawn inside it, and
 * a legend name. Kinds are told apart by shape and glyph so the graph reads in greyscale too.
 */
import type { EdgeKind, NodeKind } from './kinds';

/** Shape, glyph and legend text of a node kind. */
export interface KindLook {
	shape: string;
	/** A short glyph drawn in the shape (plain text, rendered by Cytoscape and the SVG export). */
	glyph: string;
	name: string;
}

/** The look of every node kind. */
export const KIND_LOOK: Record<NodeKind, KindLook> = {
	root: { shape: 'star', glyph: '', name: 'Organization root' },
	ou: { shape: 'cut-rectangle', glyph: 'OU', name: 'Organizational unit' },
	account: { shape: 'rectangle', glyph: 'AC', name: 'Account' },
	scp: { shape: 'pentagon', glyph: 'S', name: 'SCP (service control policy)' },
	rcp: { shape: 'hexagon', glyph: 'R', name: 'RCP (resource control policy)' },
	group: { shape: 'barrel', glyph: 'G', name: 'IAM group' },
	user: { shape: 'ellipse', glyph: 'U', name: 'IAM user' },
	role: { shape: 'diamond', glyph: 'R', name: 'IAM role' },
	policy: { shape: 'round-rectangle', glyph: '{ }', name: 'Managed policy' },
	inline: { shape: 'bottom-round-rectangle', glyph: '{i}', name: 'Inline policy' },
	resource: { shape: 'round-octagon', glyph: '◆', name: 'Resource' },
	external: { shape: 'triangle', glyph: '?', name: 'Outside principal' }
};

/**
 * Line style and legend text of an edge kind. Relations that skip a row (membership, trust,
 * grants) are drawn curved, so they never run straight through a node placed between their ends.
 */
export const EDGE_LOOK: Record<
	EdgeKind,
	{
		line: 'solid' | 'dashed' | 'dotted';
		arrow: boolean;
		name: string;
		label: string;
		curved?: boolean;
	}
> = {
	contains: { line: 'solid', arrow: false, name: 'contains', label: '' },
	scp: { line: 'dotted', arrow: false, name: 'SCP attached', label: '' },
	rcp: { line: 'dotted', arrow: false, name: 'RCP attached', label: '' },
	member: { line: 'solid', arrow: true, name: 'group member', label: '', curved: true },
	'may-assume': {
		line: 'dashed',
		arrow: true,
		name: 'may assume (trust)',
		label: 'may assume',
		curved: true
	},
	attached: { line: 'solid', arrow: true, name: 'policy attached', label: '' },
	inline: { line: 'solid', arrow: true, name: 'inline policy', label: '' },
	boundary: { line: 'dashed', arrow: true, name: 'permissions boundary', label: 'boundary' },
	reaches: { line: 'dotted', arrow: true, name: 'statement names resource', label: '' },
	grants: {
		line: 'dashed',
		arrow: true,
		name: 'resource policy names',
		label: 'grants',
		curved: true
	},
	escalates: {
		line: 'solid',
		arrow: true,
		name: 'escalation step (technique)',
		label: 'escalates',
		curved: true
	}
};

const RESOURCE_GLYPH: Record<string, string> = {
	's3-bucket': 'S3',
	'kms-key': 'KMS',
	'sqs-queue': 'SQS',
	'sns-topic': 'SNS',
	'lambda-function': 'λ',
	secret: 'SEC',
	'ecr-repository': 'ECR'
};

/** Every resource glyph (the stylesheet has one rule each). */
export const RESOURCE_GLYPHS = Object.values(RESOURCE_GLYPH);

/** The glyph of a resource by its kind (s3-bucket → S3, kms-key → KMS…). */
export function resourceGlyph(sub: string): string {
	return RESOURCE_GLYPH[sub.split(' ')[0]] ?? '◆';
}
