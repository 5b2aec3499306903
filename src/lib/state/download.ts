/**
 * The one way IAM Atlas hands a file to the user: a Blob URL on a temporary link (CSP allows
 * blob:, and nothing leaves the machine). Used for snapshot exports and the graph's PNG/SVG.
 */

/** Make the browser save `blob` as `fileName`. */
export function downloadBlob(blob: Blob, fileName: string): void {
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	link.rel = 'noopener';
	document.body.append(link);
	link.click();
	link.remove();
	// Give the download a moment to start before the URL is revoked.
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Make the browser save `text` as `fileName`. */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
	downloadBlob(new Blob([text], { type }), fileName);
}
