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
 * No inline script or style (the portal's Content-Security-Policy), no dependencies.
 */
const POLL_MS = 1000;
const FINISHED = ['DONE', 'FAILED'];

function fill(pattern, job) {
  return pattern.replace(/\{(done|total|percent|failed)\}/g, (m, name) => String(job[name] ?? 0));
}

function start(container) {
  const src = container.getAttribute('data-src');
  const bar = container.querySelector('progress');
  const text = container.querySelector('.progress-text');
  const status = container.querySelector('.job-status');
  const pattern = container.getAttribute('data-label-progress') || '{done} / {total}';
  const errorText = container.getAttribute('data-label-error') || 'Progress unavailable';
  let failures = 0;

  function show(job) {
    bar.max = Math.max(job.total, 1);
    bar.value = job.total > 0 ? Math.min(job.done, bar.max) : bar.max;
    bar.textContent = job.percent + '%';
    text.textContent = fill(pattern, job);
    const name = container.getAttribute('data-label-status-' + job.status.toLowerCase());
    if (status && name) {
      status.textContent = name;
    }
    container.setAttribute('data-status', job.status);
  }

  async function poll() {
    try {
      const response = await fetch(src, {
        credentials: 'same-origin',
        headers: { Accept: 'application/json' },
      });
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      const job = await response.json();
      failures = 0;
      show(job);
      if (FINISHED.includes(job.status)) {
        window.setTimeout(() => window.location.reload(), 600);
        return;
      }
    } catch {
      failures += 1;
      if (failures >= 5) {
        text.textContent = errorText;
        return;
      }
    }
    window.setTimeout(poll, POLL_MS);
  }

  if (!FINISHED.includes(container.getAttribute('data-status'))) {
    poll();
  }
}

document.querySelectorAll('.letter-archive-progress[data-src]').forEach(start);
