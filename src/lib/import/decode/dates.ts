/**
 * The four date formats AWS tools write (CLI `+00:00`, docs `Z`, boto3 `default=str` with a
 * space, JS SDK with milliseconds) → ISO 8601 UTC via toISOString. Anything else is refused.
 */

const DATE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})$/;
/** Already UTC to the second: the answer can be assembled without a Date (hot path on big GAADs). */
const UTC_SECONDS =
	/^(\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8]))[T ]((?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d)(?:Z|\+00:00)$/;

/** ISO UTC string for an AWS date, or undefined when it is not one of the accepted formats. */
export function toIsoDate(value: string): string | undefined {
	const fast = UTC_SECONDS.exec(value);
	if (fast) return `${fast[1]}T${fast[2]}.000Z`;
	if (!DATE.test(value)) return undefined;
	const normalised = value.replace(' ', 'T').replace(/(\.\d{3})\d+/, '$1');
	const ms = Date.parse(normalised);
	return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
