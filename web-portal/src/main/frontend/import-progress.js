/*
 * Import progress island.
 *
 * The element `.import-progress[data-src]` holds a `<progress>` bar, a status text and a line of
 * counts (`role=status`, read out politely). Every second the island asks the progress endpoint at
 * `data-src` (GET /api/v1/proposals/imports/{id}?errors=false, with the page's session cookie)
 * and moves the bar; when the job has finished it reloads the page, which then shows the result
 * and every row that was not imported.
 *
 * Texts come from the element's data attributes, rendered by the page in its language:
 *   data-label-progress      counts, with {done} {total} {imported} {skipped} {failed}
 *   data-label-status-<s>    the name of each status (queued, running, done, failed)
 *   data-label-error         shown when the progress cannot be read
 *
 * The polling itself is progress-poller.mjs, shared with the other job islands. No inline script
 * or style (the portal's Content-Security-Policy), no dependencies.
 */
import { pollProgress } from './progress-poller.mjs';

pollProgress('.import-progress', { counts: ['done', 'total', 'imported', 'skipped', 'failed'] });
