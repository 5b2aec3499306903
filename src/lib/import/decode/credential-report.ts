/**
 * The credential report's Content → typed rows. The CLI prints Content base64-encoded (it is a
 * blob); some collectors store it decoded, and some keep the bare CSV. Columns are found by their
 * header names, so an older report without the certificate columns reads as well. Markers stay
 * as AWS writes them: `N/A`, `no_information`, `not_supported` (see model/evidence.ts).
 */
import type { CredentialReportRow, ReportAccessKey, ReportDate } from '../../model/evidence';
import { toIsoDate } from './dates';

/** Parsed rows, or the reason and the 1-based line of the CSV where it went wrong. */
export type CsvOutcome =
	{ ok: true; rows: CredentialReportRow[] } | { ok: false; reason: string; line: number };

const BASE64 = /^[A-Za-z0-9+/=\s]+$/;
const MARKERS = new Set(['N/A', 'no_information', 'not_supported']);

/** The CSV text of a Content value: base64 is decoded, plain text kept; null when base64 does not decode. */
export function credentialReportText(content: string): string | null {
	const trimmed = content.replace(/^\uFEFF/, '');
	if (/^user,/.test(trimmed) || !BASE64.test(trimmed)) return trimmed;
	try {
		const binary = atob(trimmed.replace(/\s+/g, ''));
		const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
	} catch {
		return null;
	}
}

/** Split one CSV line (double-quoted fields may hold commas and doubled quotes). */
function fields(line: string): string[] {
	if (!line.includes('"')) return line.split(',');
	const out: string[] = [];
	let cur = '';
	let quoted = false;
	for (let i = 0; i < line.length; i++) {
		const c = line[i];
		if (quoted) {
			if (c === '"' && line[i + 1] === '"') {
				cur += '"';
				i++;
			} else if (c === '"') quoted = false;
			else cur += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') {
			out.push(cur);
			cur = '';
		} else cur += c;
	}
	out.push(cur);
	return out;
}

class Bad extends Error {}

/** Parse the report's CSV text. */
export function parseCredentialReport(text: string): CsvOutcome {
	const lines = text.split(/\r?\n/);
	while (lines.length > 0 && lines.at(-1) === '') lines.pop();
	const header = fields(lines[0] ?? '');
	if (header[0] !== 'user' || header[1] !== 'arn')
		return {
			ok: false,
			line: 1,
			reason: 'its first line is not the credential report header (user,arn,…)'
		};
	const col = new Map(header.map((h, i) => [h, i]));
	const keyNumbers = [
		...new Set(header.flatMap((h) => /^access_key_(\d+)_active$/.exec(h)?.[1] ?? []))
	];
	const certNumbers = [...new Set(header.flatMap((h) => /^cert_(\d+)_active$/.exec(h)?.[1] ?? []))];
	const rows: CredentialReportRow[] = [];
	for (let n = 1; n < lines.length; n++) {
		const f = fields(lines[n]);
		if (f.length !== header.length)
			return {
				ok: false,
				line: n + 1,
				reason: `the row has ${f.length} fields but the header has ${header.length}`
			};
		const raw = (name: string): string | undefined => {
			const i = col.get(name);
			return i === undefined ? undefined : f[i];
		};
		const bool = (name: string, allowNotSupported = false): boolean | null => {
			const v = raw(name) ?? 'false';
			if (v === 'true') return true;
			if (v === 'false') return false;
			if (allowNotSupported && v === 'not_supported') return null;
			throw new Bad(`"${name}" is "${v}", expected true or false`);
		};
		const date = (name: string): ReportDate => {
			const v = raw(name) ?? 'N/A';
			if (MARKERS.has(v)) return v;
			const iso = toIsoDate(v);
			if (iso === undefined) throw new Bad(`"${name}" is "${v}", which is not a date`);
			return iso;
		};
		const text = (name: string): string | null => {
			const v = raw(name);
			return v === undefined || v === 'N/A' || v === '' ? null : v;
		};
		try {
			const accessKeys: ReportAccessKey[] = keyNumbers.map((k) => ({
				active: bool(`access_key_${k}_active`) ?? false,
				lastRotated: date(`access_key_${k}_last_rotated`),
				lastUsedDate: date(`access_key_${k}_last_used_date`),
				lastUsedRegion: text(`access_key_${k}_last_used_region`),
				lastUsedService: text(`access_key_${k}_last_used_service`)
			}));
			rows.push({
				user: f[0],
				arn: f[1],
				userCreationTime: date('user_creation_time'),
				passwordEnabled: bool('password_enabled', true),
				passwordLastUsed: date('password_last_used'),
				passwordLastChanged: date('password_last_changed'),
				passwordNextRotation: date('password_next_rotation'),
				mfaActive: bool('mfa_active') ?? false,
				accessKeys,
				certificates: certNumbers.map((c) => ({
					active: bool(`cert_${c}_active`) ?? false,
					lastRotated: date(`cert_${c}_last_rotated`)
				}))
			});
		} catch (e) {
			if (e instanceof Bad) return { ok: false, line: n + 1, reason: e.message };
			throw e;
		}
	}
	return { ok: true, rows };
}
