/*
 * Progress island of the download of a session's reply letters as one ZIP.
 *
 * The element `.letter-archive-progress[data-src]` holds a `<progress>` bar, a status text and a
 * line of counts (`role=status`, read out politely). Every second the island asks the job's
 * progress at `data-src` (GET /api/v1/sessions/{id}/letters/archive/{jobId}, with the page's
 * session cookie) and moves the bar; when the job has finished it reloads the page, which then
 * shows the download link (or why the job could not run).
 *
 * Texts come from the element's data attributes, rendered by the page in its language:
 *   data-label-progress      counts, with {done} {total} {percent} {failed}
 *   data-label-status-<s>    the name of each status (queued, running, done, failed)
 *   data-label-error         shown when the progress cannot be read
 *
 * The polling itself is progress-poller.mjs, shared with the other job islands. No inline script
 * or style (the portal's Content-Security-Policy), no dependencies.
 */
import { pollProgress } from './progress-poller.mjs';

pollProgress('.letter-archive-progress', { counts: ['done', 'total', 'percent', 'failed'], fullWhenEmpty: true });
