/** The engine's compiled form of policies: patterns pre-lowercased and pre-compiled, conditions pre-split. */
import type { ActionMatcher } from '../match/actions';
import type { Pattern } from '../match/pattern';
import type { ParsedOperator, ValueTest } from '../conditions/operators';
import type { PolicyType } from '../types';
import type { Template } from './variables';

/** One policy value of a condition, with its test pre-built when it holds no variable. */
export interface CompiledValue {
	template: Template;
	/** Pre-built test (static values); undefined for dynamic values; null when malformed. */
	test?: ValueTest | null;
}

/** One operator + key of a Condition block. */
export interface CompiledCondition {
	operator: string;
	key: string;
	keyLower: string;
	parsed: ParsedOperator;
	values: CompiledValue[];
	/** The value tests, when no value holds a variable (null entries never match). */
	tests: (ValueTest | null)[] | null;
}

/** A resource pattern: static ones are pre-compiled; dynamic ones hold variables. */
export interface CompiledResource {
	template: Template;
	/** For static patterns: the exact ARN (no wildcard) or the compiled pattern. */
	exact?: string;
	pattern?: Pattern;
	any?: boolean;
	/** A variable before the fifth colon (service, region, account): the pattern never matches. */
	never?: boolean;
}

/** The Principal / NotPrincipal element, normalised: account ids become root ARNs. */
export interface CompiledPrincipal {
	/** `"*"` or `{"AWS":"*"}`. */
	wildcard: boolean;
	aws: Set<string>;
	service: Set<string>;
	federated: Set<string>;
	canonical: Set<string>;
	raw: string[];
}

/** One statement. */
export interface CompiledStatement {
	index: number;
	sid: string | null;
	/** Sid, or the index as a string. */
	label: string;
	effect: 'Allow' | 'Deny';
	action: ActionMatcher | null;
	notAction: boolean;
	/** null when the statement has neither Resource nor NotResource (trust policies). */
	resources: CompiledResource[] | null;
	notResource: boolean;
	principal: CompiledPrincipal | null;
	notPrincipal: boolean;
	conditions: CompiledCondition[];
	/** The statement's Resource, Principal and Condition are compiled on first use (see `ready` in compile.ts); until then this holds the source. */
	pending: { raw: Record<string, unknown>; variables: boolean; warnings: string[] } | null;
}

/** Where a policy sits, for the trace. */
export interface PolicyOrigin {
	/** Model id (model/ids.ts). */
	id: string;
	/** The Reason's `policy`: policy ARN, SCP/RCP id, inline policy name, … */
	label: string;
	/** Display name. */
	name: string;
	type: PolicyType;
	attachedTo: string;
	via?: string;
}

/** A policy compiled once per evaluator, with where it came from. */
export interface CompiledPolicy extends PolicyOrigin {
	statements: CompiledStatement[];
	/** Per lowercase action, the statements whose Action/NotAction match it (filled on demand, shared by every attachment of the document). */
	byAction: Map<string, CompiledStatement[]>;
	/** Problems found while compiling (unknown operators, malformed values), shared with the document; grows as statements are compiled. */
	warnings: string[];
	/** The judgement "nothing matched" for this policy, shared (never mutated). */
	nothing?: { policy: CompiledPolicy; verdict: 'none'; allows: never[]; denies: never[] };
}
