/**
 * Random requests over a generated organization: a principal (user, role, role session, root
 * user; inside or outside the organization), an action valid for a target resource, the
 * request-supplied context keys, and sometimes a session policy.
 */
import type { EvalRequest } from '../../src/lib/engine/types';
import type { Random } from './random';
import type { GeneratedPrincipal, GeneratedWorld } from './world-generator';
import { ACTIONS, REGIONS, SOURCE_IPS, TIMES, type Target } from './vocabulary';
import { allowDocument, randomDocument } from './policy-generator';

/** A generated request with what the peer mapping needs to know about it. */
export interface GeneratedRequest {
	request: EvalRequest;
	principal: GeneratedPrincipal;
	target: Target;
	/** The request-supplied context (also in request.context). */
	requestContext: Record<string, string | string[]>;
}

function requestContext(rng: Random): Record<string, string> {
	const c: Record<string, string> = {
		'aws:SourceIp': rng.pick(SOURCE_IPS),
		'aws:RequestedRegion': rng.pick(REGIONS),
		'aws:CurrentTime': rng.pick(TIMES)
	};
	const mfa = rng.pick(['absent', 'true', 'false']);
	if (mfa !== 'absent') c['aws:MultiFactorAuthPresent'] = mfa;
	if (mfa === 'true') c['aws:MultiFactorAuthAge'] = rng.pick(['120', '5000']);
	const tls = rng.pick(['absent', 'true', 'true', 'false']);
	if (tls !== 'absent') c['aws:SecureTransport'] = tls;
	return c;
}

function pickPrincipal(rng: Random, world: GeneratedWorld): GeneratedPrincipal {
	const byKind = (kind: GeneratedPrincipal['kind']) =>
		world.principals.filter((p) => p.kind === kind);
	const r = rng.next();
	const kind: GeneratedPrincipal['kind'] =
		r < 0.4
			? 'user'
			: r < 0.8
				? 'session'
				: r < 0.87
					? 'role'
					: r < 0.93
						? 'root'
						: r < 0.965
							? 'service'
							: 'anonymous';
	return rng.pick(byKind(kind));
}

function pickTarget(
	rng: Random,
	world: GeneratedWorld,
	principal: GeneratedPrincipal
): { target: Target; action: string } {
	const same = world.targets.filter((t) => t.account === principal.account);
	const pool = rng.chance(0.6) && same.length ? same : world.targets;
	const target = rng.pick(pool);
	const action = rng.pick(ACTIONS.filter((a) => a.kind === target.kind)).action;
	return { target, action };
}

/** `count` requests over one world, deterministic for its seed. */
export function generateRequests(
	rng: Random,
	world: GeneratedWorld,
	count: number
): GeneratedRequest[] {
	const out: GeneratedRequest[] = [];
	for (let i = 0; i < count; i++) {
		const principal = pickPrincipal(rng, world);
		const { target, action } = pickTarget(rng, world, principal);
		const context = requestContext(rng);
		const request: EvalRequest = {
			principal: principal.arn,
			action,
			resource: target.arn,
			context
		};
		if (principal.kind === 'session' && rng.chance(0.3)) {
			request.sessionPolicy = rng.chance(0.6)
				? allowDocument(
						rng.some(
							[
								's3:*',
								'sqs:SendMessage',
								'kms:Decrypt',
								'sts:AssumeRole',
								'dynamodb:GetItem',
								'sns:Publish',
								'secretsmanager:*'
							],
							1,
							3
						)
					)
				: randomDocument(rng, world.scope, 2);
		}
		out.push({ request, principal, target, requestContext: context });
	}
	return out;
}
