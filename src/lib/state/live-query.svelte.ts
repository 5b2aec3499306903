/**
 * The one door through which Dexie enters reactive code (house style §4): a Dexie liveQuery
 * (or any observable of the same shape) exposed as a rune. It subscribes while some effect (a
 * component) reads `current` and unsubscribes when none does; Dexie re-runs the query whenever
 * the tables it read change.
 */
import { liveQuery } from 'dexie';
import { createSubscriber } from 'svelte/reactivity';

/** The observable shape Dexie's liveQuery returns (and in-memory fakes imitate). */
export interface Subscribable<T> {
	subscribe(observer: { next: (value: T) => void; error: (error: unknown) => void }): {
		unsubscribe(): void;
	};
}

/** Watch a Dexie query: it re-runs whenever a table it read changes. */
export const watchDexie = <T>(query: () => T | Promise<T>): Subscribable<T> => liveQuery(query);

/** An observable's latest value as reactive state. */
export class LiveQuery<T> {
	#value: T = $state.raw() as T;
	#error: unknown = $state.raw(null);
	#loaded = $state(false);
	#subscribe: () => void;

	/** `source` is called on first read (inside an effect); `initial` is shown until it answers. */
	constructor(source: () => Subscribable<T>, initial: T) {
		this.#value = initial;
		this.#subscribe = createSubscriber(() => {
			const subscription = source().subscribe({
				next: (value) => {
					this.#value = value;
					this.#error = null;
					this.#loaded = true;
				},
				error: (error) => {
					this.#error = error;
					this.#loaded = true;
				}
			});
			return () => subscription.unsubscribe();
		});
	}

	/** The latest value (the initial one until the first answer). */
	get current(): T {
		this.#subscribe();
		return this.#value;
	}

	/** The last error the query raised, or null. */
	get error(): unknown {
		this.#subscribe();
		return this.#error;
	}

	/** True once the query has answered at least once. */
	get loaded(): boolean {
		this.#subscribe();
		return this.#loaded;
	}
}
