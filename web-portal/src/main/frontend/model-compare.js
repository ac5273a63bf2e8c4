/*
 * Side-by-side island (admin): the admin's current version of a model and the newer built-in
 * version, both read-only — bpmn-js's viewer for a process, dmn-js's viewer (the decision table)
 * for a decision. Each `.cf-compare-pane[data-xml-src]` loads its XML from the admin API; the
 * elements that differ are marked from the space-separated ids in `data-added`, `data-changed` and
 * `data-removed` (computed on the server). A drawn pane gets the class `cf-compare-ready`; one that
 * cannot be drawn shows `data-label-error`.
 *
 * CSP (script-src 'self'; style-src 'self'): no inline scripts or style attributes; sizes come
 * from css/model-compare.css.
 */
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import DmnViewer from 'dmn-js/lib/Viewer';

/** Opens the decision table of the first decision instead of the requirements diagram. */
class TableViewer extends DmnViewer {
  _getInitialView(views, ...rest) {
    return views.find((v) => v.type === 'decisionTable') || super._getInitialView(views, ...rest);
  }
}

function ids(pane, name) {
  return (pane.getAttribute('data-' + name) || '').split(/\s+/).filter((id) => id);
}

function mark(viewer, pane) {
  const canvas = viewer.get('canvas');
  const registry = viewer.get('elementRegistry');
  for (const kind of ['added', 'changed', 'removed']) {
    ids(pane, kind)
      .filter((id) => registry.get(id))
      .forEach((id) => canvas.addMarker(id, 'cf-' + kind));
  }
}

function markRows(pane) {
  for (const kind of ['added', 'changed', 'removed']) {
    ids(pane, kind).forEach((id) => {
      pane
        .querySelectorAll('[data-row-id="' + CSS.escape(id) + '"], [data-col-id="' + CSS.escape(id) + '"]')
        .forEach((cell) => cell.classList.add('cf-' + kind));
    });
  }
}

async function render(pane) {
  const canvas = pane.querySelector('.cf-compare-canvas');
  try {
    const response = await fetch(pane.getAttribute('data-xml-src'), {
      credentials: 'same-origin',
      headers: { Accept: 'application/xml' },
    });
    if (!response.ok) {
      throw new Error('HTTP ' + response.status);
    }
    const xml = await response.text();
    if (pane.getAttribute('data-kind') === 'DMN') {
      const viewer = new TableViewer({ container: canvas });
      await viewer.importXML(xml);
      markRows(pane);
    } else {
      const viewer = new NavigatedViewer({ container: canvas });
      await viewer.importXML(xml);
      viewer.get('canvas').zoom('fit-viewport');
      mark(viewer, pane);
    }
    pane.classList.add('cf-compare-ready');
  } catch (e) {
    canvas.textContent = '';
    const p = document.createElement('p');
    p.className = 'cf-diagram-error';
    p.setAttribute('role', 'status');
    p.textContent = pane.getAttribute('data-label-error') || 'The model cannot be shown.';
    canvas.append(p);
    console.error('model compare failed', e);
  }
}

function init() {
  document.querySelectorAll('.cf-compare-pane[data-xml-src]').forEach((pane) => render(pane));
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', init);
} else {
  init();
}
