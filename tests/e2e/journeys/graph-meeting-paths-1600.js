/**
 * Every designed demo path but the MFA one, opened as a link with NO context at 1600×900: the
 * decision element carries the designed decision (the default context makes it right), the URL
 * keeps the fingerprint and carries no ctx.; nothing in the trace panel overflows. One screenshot.
 */
import { everyPathWithoutContext } from '../lib/meeting.js';

export const name = 'graph: every designed path as a link with no context, at 1600×900';

export default (page, ctx) => everyPathWithoutContext(page, ctx, 1600, 900);
