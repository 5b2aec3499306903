/** The one way IAM Atlas writes a byte count for people: binary units, one decimal ("600 MiB"). */

const UNITS = ['KiB', 'MiB', 'GiB', 'TiB'] as const;

/** Human-readable byte size: "512 bytes", "12.1 KiB", "600 MiB", "2.3 GiB". */
export function formatBytes(n: number): string {
	if (!(n >= 1024)) return `${Math.max(0, Math.round(n || 0))} bytes`;
	let value = n / 1024;
	let unit = 0;
	while (value >= 1024 && unit < UNITS.length - 1) {
		value /= 1024;
		unit++;
	}
	return `${Math.round(value * 10) / 10} ${UNITS[unit]}`;
}
