/**
 * The demo bank's designed paths (designed-paths.json, described in docs/demo-bank.md): requests
 * whose decision and deciding policies were built into the demo on purpose, for the tests, the
 * browser journeys and the tour.
 */
import type { Decision, EvalRequest, LayerName, PolicyType } from '../engine/types';
import data from './designed-paths.json';

/** A policy that decides a designed path, named the way the evaluator's Reason names it. */
export interface DecidingPolicy {
	policyType: PolicyType;
	/** Managed policy ARN, inline policy name, SCP/RCP id or resource/trust policy id (…#policy, …#trust). */
	policy: string;
	/** Principal, group, org node or resource it is attached to. */
	attachedTo: string;
	/** Sid or statement index; "" for an implicit deny. */
	statement: string;
}

/** One designed path. */
export interface DesignedPath {
	id: string;
	title: string;
	request: EvalRequest;
	expected: Decision;
	/** For implicit denies: the layer that failed to allow. */
	gap?: LayerName;
	deciding: DecidingPolicy[];
}

/** The designed paths, in the order of docs/demo-bank.md. */
export const DESIGNED_PATHS: DesignedPath[] = data as unknown as DesignedPath[];
