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
 *   data-label-zoom-in, data-label-zoom-out, data-label-fit, data-label-current
 *                          the zoom controls' names
 * The department's name comes from the page's `template.cf-department-names li[data-code]` list.
 *
 * A diagram opens zoomed to its current steps at a readable scale (the whole model when nothing
 * is current); the controls zoom in and out, fit the whole model, and go back to the current steps.
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
        (item.department ? ' ' + departmentName(item.department) : '');
  if (item.ended) {
    text += ' (' + label(container, 'ended', 'ended') + ')';
  }
  return text;
}

function departmentName(code) {
  const names = document.querySelector('template.cf-department-names');
  const li = names && names.content.querySelector('li[data-code="' + CSS.escape(code) + '"]');
  return li ? li.textContent : code;
}

/** Shows the current steps at a readable scale, centred; the whole model if none is current. */
function focusOnCurrent(viewer, activeIds) {
  const canvas = viewer.get('canvas');
  const registry = viewer.get('elementRegistry');
  const elements = activeIds.map((id) => registry.get(id)).filter(Boolean);
  const size = canvas.getSize();
  if (!elements.length || !size.width || !size.height) {
    canvas.zoom('fit-viewport');
    return;
  }
  const minX = Math.min(...elements.map((e) => e.x));
  const minY = Math.min(...elements.map((e) => e.y));
  const maxX = Math.max(...elements.map((e) => e.x + e.width));
  const maxY = Math.max(...elements.map((e) => e.y + e.height));
  const margin = 120;
  const scale = Math.max(
    0.5,
    Math.min(1, size.width / (maxX - minX + margin), size.height / (maxY - minY + margin))
  );
  const width = size.width / scale;
  const height = size.height / scale;
  canvas.viewbox({
    x: (minX + maxX) / 2 - width / 2,
    y: (minY + maxY) / 2 - height / 2,
    width,
    height,
  });
}

function controls(container, viewer, activeIds) {
  const bar = document.createElement('div');
  bar.className = 'cf-diagram-controls';
  const canvas = viewer.get('canvas');
  const buttons = [
    ['zoom-in', '+', () => canvas.zoom(canvas.zoom() * 1.25)],
    ['zoom-out', '−', () => canvas.zoom(canvas.zoom() / 1.25)],
    ['fit', '⤢', () => canvas.zoom('fit-viewport', 'auto')],
    ['current', '◎', () => focusOnCurrent(viewer, activeIds)],
  ];
  buttons.forEach(([name, symbol, action]) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'secondary cf-diagram-' + name;
    const text = label(container, name, name);
    button.setAttribute('aria-label', text);
    button.title = text;
    button.textContent = symbol;
    button.addEventListener('click', action);
    bar.append(button);
  });
  return bar;
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
function refitWhenResized(viewer, canvasDiv, activeIds) {
  if (typeof ResizeObserver === 'undefined') {
    return;
  }
  let wasEmpty = canvasDiv.clientWidth === 0 || canvasDiv.clientHeight === 0;
  new ResizeObserver(() => {
    const canvas = viewer.get('canvas');
    canvas.resized();
    const empty = canvasDiv.clientWidth === 0 || canvasDiv.clientHeight === 0;
    if (wasEmpty && !empty) {
      focusOnCurrent(viewer, activeIds);
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
  // a group, not an image: the canvas holds the zoom and pan that the keyboard can reach
  canvasDiv.setAttribute('role', 'group');
  canvasDiv.setAttribute('aria-label', text);
  figure.append(figcaption, canvasDiv);
  container.append(figure);

  const viewer = new NavigatedViewer({ container: canvasDiv });
  try {
    await viewer.importXML(item.bpmnXml);
    const names = mark(viewer, item);
    const registry = viewer.get('elementRegistry');
    const activeIds = ids(item.activeActivityIds).filter((id) => registry.get(id));
    focusOnCurrent(viewer, activeIds);
    figure.insertBefore(controls(container, viewer, activeIds), canvasDiv);
    if (names.length) {
      canvasDiv.setAttribute(
        'aria-label',
        text + ':' + label(container, 'active', '当前步骤') + ' ' + names.join('、')
      );
    }
    refitWhenResized(viewer, canvasDiv, activeIds);
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
