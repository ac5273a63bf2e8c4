/*
 * The similar items beside a task's form (并案 candidates at acceptance, earlier replies while
 * drafting) come from the search index; the page is shown without waiting for them, and this island
 * fetches the panel (`data-src` of `.similar-slot`, an HTML fragment of the portal itself) and puts
 * it in the slot. Until then the slot says it is looking; if the fetch fails, the slot keeps its
 * link to the panel's own page with a line saying so (`data-label-failed`). When the panel is in,
 * the event `civicflow:similar-loaded` tells the other islands (draft-sources.js: quoting).
 *
 * No inline script or style (the portal's Content-Security-Policy), no dependencies.
 */
async function load(slot) {
  const loading = slot.querySelector('.similar-loading');
  const link = slot.querySelector('.similar-open');
  if (loading) {
    loading.hidden = false;
  }
  slot.setAttribute('aria-busy', 'true');
  try {
    const response = await fetch(slot.getAttribute('data-src'), {
      credentials: 'same-origin',
      headers: { Accept: 'text/html' },
    });
    if (!response.ok) {
      throw new Error('HTTP ' + response.status);
    }
    const html = await response.text();
    const parsed = new DOMParser().parseFromString(html, 'text/html');
    slot.replaceChildren(...parsed.body.childNodes);
    document.dispatchEvent(new CustomEvent('civicflow:similar-loaded', { detail: { slot } }));
  } catch {
    if (loading) {
      loading.hidden = true;
    }
    if (link) {
      link.prepend(document.createTextNode(slot.getAttribute('data-label-failed') || ''));
    }
  } finally {
    slot.removeAttribute('aria-busy');
  }
}

function start() {
  document.querySelectorAll('.similar-slot[data-src]').forEach((slot) => load(slot));
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', start);
} else {
  start();
}
