/**
 * Where a JSON text first goes wrong. JSON.parse's messages do not always carry a position
 * (V8 omits it for unexpected tokens), so after a failed parse this small scanner walks the
 * text to find the offset of the first error. It runs only on failure.
 */

/** Offset of the first JSON syntax error in `text`, or `text.length` when the text ends early. */
export function jsonErrorOffset(text: string): number {
	let i = 0;
	const n = text.length;
	const ws = () => {
		while (i < n && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t'))
			i++;
	};
	const fail = (): never => {
		throw i;
	};
	/** At the end of the text, a cut-off token is "ran out", not "wrong": report the end. */
	const failOrEnd = (rest: string, couldContinue: boolean): never => {
		if (couldContinue && i + rest.length >= n) i = n;
		return fail();
	};
	const literal = (word: string) => {
		if (text.startsWith(word, i)) i += word.length;
		else failOrEnd(text.slice(i), word.startsWith(text.slice(i)));
	};
	const string = () => {
		i++;
		while (i < n) {
			const c = text.charCodeAt(i);
			if (c === 0x22) return void i++;
			if (c < 0x20) fail();
			if (c === 0x5c) {
				i++;
				if (text[i] === 'u') {
					const hex = text.slice(i + 1, i + 5);
					if (!/^[0-9a-fA-F]{4}$/.test(hex))
						failOrEnd(text.slice(i), /^[0-9a-fA-F]{0,3}$/.test(hex));
					i += 4;
				} else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail();
			}
			i++;
		}
		fail();
	};
	const number = () => {
		const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
		if (!m) failOrEnd(text.slice(i), text.slice(i) === '-');
		i += m![0].length;
		// "1." or "1e" cut off at the end of the text.
		if (i < n && /^[.eE][+-]?$/.test(text.slice(i))) failOrEnd(text.slice(i), true);
	};
	/** `"key" :` inside an object. */
	const key = () => {
		ws();
		if (text[i] !== '"') fail();
		string();
		ws();
		if (text[i] !== ':') fail();
		i++;
	};
	// Iterative, with an explicit stack of open containers: a 100,000-deep nesting must not
	// overflow the call stack (it did, and the position came out as NaN).
	const OBJECT = 1;
	const ARRAY = 0;
	const open: number[] = [];
	try {
		value: for (;;) {
			ws();
			const c = text[i];
			if (c === '{') {
				i++;
				ws();
				if (text[i] === '}') i++;
				else {
					key();
					open.push(OBJECT);
					continue value;
				}
			} else if (c === '[') {
				i++;
				ws();
				if (text[i] === ']') i++;
				else {
					open.push(ARRAY);
					continue value;
				}
			} else if (c === '"') string();
			else if (c === 't') literal('true');
			else if (c === 'f') literal('false');
			else if (c === 'n') literal('null');
			else number();
			// A value ended: a comma starts the next one, a bracket closes its container.
			while (open.length > 0) {
				ws();
				const top = open[open.length - 1];
				if (text[i] === ',') {
					i++;
					if (top === OBJECT) key();
					continue value;
				}
				if (text[i] !== (top === OBJECT ? '}' : ']')) fail();
				i++;
				open.pop();
			}
			break;
		}
		ws();
		if (i < n) return i;
	} catch (at) {
		if (typeof at !== 'number') throw at;
		return Math.min(at, n);
	}
	return n;
}
