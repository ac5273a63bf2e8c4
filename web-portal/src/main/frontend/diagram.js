/*
 * Process-diagram viewer island.
 *
 * Every element `.cf-diagram[data-diagram-src]` gets the diagrams of a proposal's process
 * instances: the main process first, then one per handling department. The JSON at
 * `data-diagram-src` is an array of
 * {processInstanceId, processDefinitionId, processKey, version, department, ended, bpmnXml,
 *  activeActivityIds, completedActivityIds}.
 *
 * Texts come from the container's data attributes (the page renders them in its language):
 *   data-label-main        caption of the main process (proposalHandling)
 *   data-label-department  caption of a department's handling, the department code is appended
 *   data-label-ended       suffix of a process instance that has ended
 *   data-label-error       text shown when the diagrams cannot be loaded or drawn
 *   data-label-active      (optional) words before the current steps in the accessible name
 *
 * Works under the portal's Content-Security-Policy (script-src 'self'; style-src 'self'):
 * no inline scripts or style attributes, no eval; sizes come from css/diagram.css.
 */
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';

const MAIN_PROCESS = 'proposalHandling';
const ACTIVE = 'cf-active';
const COMPLETED = 'cf-completed';

function label(container, name, fallback) {
  const value = container.getAttribute('data-label-' + name);
  return value === null || value === '' ? fallback : value;
}

function caption(container, item) {
  let text =
    item.processKey === MAIN_PROCESS
      ? label(container, 'main', item.processKey)
      : label(container, 'department', item.processKey) +
        (item.department ? ' ' + item.department : '');
  if (item.ended) {
    text += ' (' + label(container, 'ended', 'ended') + ')';
  }
  return text;
}

function errorMessage(container) {
  const p = document.createElement('p');
  p.className = 'cf-diagram-error';
  p.setAttribute('role', 'status');
  p.textContent = label(container, 'error', 'The diagram cannot be shown.');
  return p;
}

function ids(list) {
  return Array.isArray(list) ? list.filter((id) => typeof id === 'string') : [];
}

/** Marks the steps and returns the names of the active ones, in the order of the list. */
function mark(viewer, item) {
  const canvas = viewer.get('canvas');
  const registry = viewer.get('elementRegistry');
  const active = ids(item.activeActivityIds).filter((id) => registry.get(id));
  const activeSet = new Set(active);
  ids(item.completedActivityIds)
    .filter((id) => !activeSet.has(id) && registry.get(id))
    .forEach((id) => canvas.addMarker(id, COMPLETED));
  const names = [];
  activeSet.forEach((id) => {
    canvas.addMarker(id, ACTIVE);
    const bo = registry.get(id).businessObject;
    const name = bo && bo.name ? String(bo.name).replace(/\s+/g, ' ').trim() : '';
    if (name && !names.includes(name)) {
      names.push(name);
    }
  });
  return names;
}

/** Fits the diagram again when its canvas gets a size later (e.g. shown from a closed <details>). */
function refitWhenResized(viewer, canvasDiv) {
  if (typeof ResizeObserver === 'undefined') {
    return;
  }
  let wasEmpty = canvasDiv.clientWidth === 0 || canvasDiv.clientHeight === 0;
  new ResizeObserver(() => {
    const canvas = viewer.get('canvas');
    canvas.resized();
    const empty = canvasDiv.clientWidth === 0 || canvasDiv.clientHeight === 0;
    if (wasEmpty && !empty) {
      canvas.zoom('fit-viewport');
    }
    wasEmpty = empty;
  }).observe(canvasDiv);
}

async function renderItem(container, item) {
  const figure = document.createElement('figure');
  figure.className = 'cf-diagram-item';
  const figcaption = document.createElement('figcaption');
  const text = caption(container, item);
  figcaption.textContent = text;
  const canvasDiv = document.createElement('div');
  canvasDiv.className = 'cf-diagram-canvas';
  canvasDiv.setAttribute('role', 'img');
  canvasDiv.setAttribute('aria-label', text);
  figure.append(figcaption, canvasDiv);
  container.append(figure);

  const viewer = new NavigatedViewer({ container: canvasDiv });
  try {
    await viewer.importXML(item.bpmnXml);
    viewer.get('canvas').zoom('fit-viewport');
    const names = mark(viewer, item);
    if (names.length) {
      canvasDiv.setAttribute(
        'aria-label',
        text + ':' + label(container, 'active', '当前步骤') + ' ' + names.join('、')
      );
    }
    refitWhenResized(viewer, canvasDiv);
  } catch (e) {
    viewer.destroy();
    canvasDiv.remove();
    figure.append(errorMessage(container));
    console.error('diagram import failed', item && item.processInstanceId, e);
  }
}

async function renderContainer(container) {
  container.setAttribute('aria-busy', 'true');
  try {
    const response = await fetch(container.getAttribute('data-diagram-src'), {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
    if (!response.ok) {
      throw new Error('HTTP ' + response.status);
    }
    const items = await response.json();
    if (!Array.isArray(items)) {
      throw new Error('unexpected answer');
    }
    container.textContent = '';
    for (const item of items) {
      await renderItem(container, item);
    }
  } catch (e) {
    container.textContent = '';
    container.append(errorMessage(container));
    console.error('diagram load failed', e);
  } finally {
    container.removeAttribute('aria-busy');
  }
}

function init() {
  document.querySelectorAll('.cf-diagram[data-diagram-src]').forEach((container) => {
    renderContainer(container);
  });
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', init);
} else {
  init();
}
