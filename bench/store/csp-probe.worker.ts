/** Reports whether this worker may compile code from strings (it must not, under the app's CSP). */
let blocked = false;
try {
	new Function('return 1')();
} catch {
	blocked = true;
}
postMessage(blocked);
