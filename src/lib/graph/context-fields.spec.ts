import { describe, expect, it } from 'vitest';
import type { EvalResult } from '../engine/types';
import { contextKeyType, offeredContextFields, typeFromOperator } from './context-fields';

describe('context fields', () => {
	it('types keys from the global table, then from the operator', () => {
		expect(contextKeyType('aws:SecureTransport')).toBe('Bool');
		expect(contextKeyType('aws:sourceip')).toBe('IPAddress');
		expect(typeFromOperator('ForAnyValue:DateGreaterThanIfExists')).toBe('Date');
		expect(contextKeyType('s3:prefix', typeFromOperator('StringLike'))).toBe('String');
		expect(contextKeyType('ec2:Count', typeFromOperator('NumericLessThan'))).toBe('Numeric');
	});

	it('offers the keys the policies test, then the action keys, minus those already set', () => {
		const result = {
			layers: [
				{
					layer: 'identity',
					policies: [
						{
							policyId: 'p',
							name: 'TellerAccess',
							statements: [
								{ conditions: [{ operator: 'IpAddress', key: 'aws:SourceIp' }] },
								{ conditions: [{ operator: 'StringEquals', key: 'aws:RequestedRegion' }] }
							]
						}
					]
				}
			]
		} as unknown as EvalResult;
		const fields = offeredContextFields(
			's3:GetObject',
			['s3:ExistingObjectTag/${TagKey}', 's3:signatureversion', 'aws:SourceIp'],
			result,
			['aws:RequestedRegion']
		);
		expect(fields).toEqual([
			{ key: 'aws:SourceIp', type: 'IPAddress', from: 'tested by TellerAccess' },
			{ key: 's3:signatureversion', type: 'String', from: 'documented for s3:GetObject' }
		]);
	});
});
