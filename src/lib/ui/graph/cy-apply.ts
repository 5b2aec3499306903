/**
 * Applies the explorer's element definitions to a Cytoscape instance as a diff inside one
 * cy.batch (added, removed, moved, restyled), for the canvas attachment (cy-attachment.svelte.ts).
 * Deciding what to draw is left to the explorer state and graph/elements.ts.
 */
import type { Core, ElementDefinition as CyElement } from 'cytoscape';
import {
	diffElements,
	drawnStateOf,
	type DrawnState,
	type ElementDefinition
} from '$lib/graph/elements';
import { collect } from './cy-camera';

/** Bring `instance` from what it holds (`drawn`) to `wanted`; returns what it holds now. */
export function applyElements(
	instance: Core,
	drawn: DrawnState,
	wanted: ElementDefinition[]
): DrawnState {
	const d = diffElements(drawn, wanted);
	instance.batch(() => {
		if (d.remove.length) instance.remove(collect(instance, d.remove));
		if (d.add.length) instance.add(d.add as unknown as CyElement[]);
		for (const n of d.move) instance.getElementById(n.data.id).position(n.position);
		for (const u of d.update) {
			const ele = instance.getElementById(u.data.id);
			if (u.group === 'nodes') ele.data('display', u.data.display);
			ele.classes(u.classes);
		}
	});
	return drawnStateOf(wanted);
}
