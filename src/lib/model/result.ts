/** Errors as data (house style §3): results are discriminated unions with dotted codes. */

/** A problem, in words a user understands, naming the file and the JSON location. */
export interface AtlasError {
	/** Dotted code, e.g. "import.gaad.invalid-json". */
	code: string;
	message: string;
	/** Where: the file (path in the collection or file name) and a JSON pointer inside it. */
	where?: { file?: string; pointer?: string; line?: number; column?: number };
}

/** Success with a value, or failure with an error. */
export type Result<T, E = AtlasError> = { ok: true; value: T } | { ok: false; error: E };

/** Build a success. */
export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });

/** Build a failure. */
export const err = <E = AtlasError>(error: E): Result<never, E> => ({ ok: false, error });
