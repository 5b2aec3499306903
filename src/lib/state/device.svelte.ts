/**
 * What the browser says about where the data lives and whether the app works offline: online or
 * not, whether the service worker controls the page (so a reload works without network), and how
 * much storage the snapshots take. Asking for persistent storage keeps the browser from evicting
 * snapshots under storage pressure.
 */

/** Storage used and available to this site, in bytes. */
export interface StorageUse {
	used: number;
	quota: number;
}

/** Reactive device status; `start()` attaches the browser listeners. */
export class DeviceStatus {
	online = $state(true);
	/** True once a service worker controls the page: reloads work with the network off. */
	offlineReady = $state(false);
	/** Whether the browser promised not to evict our storage (null: unknown). */
	persisted = $state<boolean | null>(null);
	storage = $state.raw<StorageUse | null>(null);

	/** Start listening; returns the function that stops. */
	start(): () => void {
		this.online = navigator.onLine;
		const sw = navigator.serviceWorker;
		this.offlineReady = Boolean(sw?.controller);
		const onOnline = () => (this.online = navigator.onLine);
		const onController = () => (this.offlineReady = Boolean(sw?.controller));
		addEventListener('online', onOnline);
		addEventListener('offline', onOnline);
		sw?.addEventListener('controllerchange', onController);
		void this.refreshStorage();
		return () => {
			removeEventListener('online', onOnline);
			removeEventListener('offline', onOnline);
			sw?.removeEventListener('controllerchange', onController);
		};
	}

	/** Re-read storage use and persistence (after an import or a delete). */
	async refreshStorage(): Promise<void> {
		const storage = navigator.storage;
		if (!storage?.estimate) return;
		const [estimate, persisted] = await Promise.all([
			storage.estimate(),
			storage.persisted?.() ?? Promise.resolve(null)
		]);
		this.storage = { used: estimate.usage ?? 0, quota: estimate.quota ?? 0 };
		this.persisted = persisted;
	}

	/** Ask the browser to keep our storage (granted silently by Chromium for engaged or installed sites). */
	async persist(): Promise<void> {
		if (this.persisted || !navigator.storage?.persist) return;
		this.persisted = await navigator.storage.persist().catch(() => false);
	}
}
