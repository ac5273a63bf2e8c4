/*
 * The progress poller shared by the job islands (import-progress.js, letter-archive-progress.js).
 *
 * The element `<selector>[data-src]` holds a `<progress>` bar, a status text and a line of counts
 * (`role=status`, read out politely). Every second the poller asks the job's progress at
 * `data-src` (with the page's session cookie) and moves the bar; when the job has finished it
 * reloads the page, which then shows the result.
 *
 * Texts come from the element's data attributes, rendered by the page in its language:
 *   data-label-progress      counts, with the island's {placeholders}
 *   data-label-status-<s>    the name of each status (queued, running, done, failed)
 *   data-label-error         shown when the progress cannot be read
 *
 * The pure part (fillCounts, barValues, isFinished) has unit tests:
 * src/test/frontend/progress-poller.test.mjs.
 */
const POLL_MS = 1000;
const FINISHED = ['DONE', 'FAILED'];
const RELOAD_MS = 600;
const MAX_FAILURES = 5;

/** Whether a job in this status has finished (the page then shows its result). */
export function isFinished(status) {
  return FINISHED.includes(status);
}

/** The pattern with each `{name}` of `names` replaced by the job's count (0 when it has none). */
export function fillCounts(pattern, job, names) {
  const placeholder = new RegExp('\\{(' + names.join('|') + ')\\}', 'g');
  return pattern.replace(placeholder, (m, name) => String(job[name] ?? 0));
}

/**
 * The bar's `max` and `value` for a job: done of total; a job with nothing to do shows an empty
 * bar, or a full one when `fullWhenEmpty`.
 */
export function barValues(job, fullWhenEmpty) {
  const max = Math.max(job.total, 1);
  const value = fullWhenEmpty && !(job.total > 0) ? max : Math.min(job.done, max);
  return { max, value };
}

function start(container, counts, fullWhenEmpty) {
  const src = container.getAttribute('data-src');
  const bar = container.querySelector('progress');
  const text = container.querySelector('.progress-text');
  const status = container.querySelector('.job-status');
  const pattern = container.getAttribute('data-label-progress') || '{done} / {total}';
  const errorText = container.getAttribute('data-label-error') || 'Progress unavailable';
  let failures = 0;

  function show(job) {
    const { max, value } = barValues(job, fullWhenEmpty);
    bar.max = max;
    bar.value = value;
    bar.textContent = job.percent + '%';
    text.textContent = fillCounts(pattern, job, counts);
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
      if (isFinished(job.status)) {
        window.setTimeout(() => window.location.reload(), RELOAD_MS);
        return;
      }
    } catch {
      failures += 1;
      if (failures >= MAX_FAILURES) {
        text.textContent = errorText;
        return;
      }
    }
    window.setTimeout(poll, POLL_MS);
  }

  if (!isFinished(container.getAttribute('data-status'))) {
    poll();
  }
}

/**
 * Starts polling on every `<selector>[data-src]` element of the page. `counts` names the
 * placeholders of its data-label-progress; `fullWhenEmpty` fills the bar of a job with nothing
 * to do.
 */
export function pollProgress(selector, { counts, fullWhenEmpty = false }) {
  document
    .querySelectorAll(selector + '[data-src]')
    .forEach((container) => start(container, counts, fullWhenEmpty));
}
