/** Names that tell re-imports apart: "Demo bank", then "Demo bank (2)", "Demo bank (3)"… */

/** `name`, or `name (n)` with the smallest n ≥ 2 that no name in `taken` uses (case-insensitive). */
export function distinctName(name: string, taken: Iterable<string>): string {
	const used = new Set([...taken].map((t) => t.trim().toLowerCase()));
	if (!used.has(name.trim().toLowerCase())) return name;
	// "Demo (2)" re-imported becomes "Demo (3)", not "Demo (2) (2)".
	const base = name.replace(/ \(\d+\)$/, '');
	for (let n = 2; ; n++) {
		const candidate = `${base} (${n})`;
		if (!used.has(candidate.toLowerCase())) return candidate;
	}
}
