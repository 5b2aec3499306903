// A single-page app with a prerendered shell: everything runs in the browser.
export const prerender = true;
export const ssr = false;
