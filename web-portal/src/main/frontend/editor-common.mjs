/*
 * What the two model editors (process and decision) share: the page's texts, requests to the admin
 * API with the session's CSRF token and readable errors, the toolbar's file actions and the list
 * of problems. Not an island itself (build.mjs bundles *.js only): imported by the editors.
 */

/** The page's texts: every `[data-text]` element inside `root`, by its key. */
export function pageTexts(root) {
  const map = new Map();
  if (root) {
    root.querySelectorAll('[data-text]').forEach((e) => {
      map.set(e.getAttribute('data-text'), e.textContent);
    });
  }
  /** The text of a key with {0}, {1}… replaced by the arguments. */
  return function t(key, ...args) {
    const text = map.has(key) ? map.get(key) : key;
    return text.replace(/\{(\d+)\}/g, (m, i) => (args[i] === undefined ? m : String(args[i])));
  };
}

/** The pairs of English text and the reader's text for bpmn-js / dmn-js (`#editor-translations`). */
export function translations() {
  const map = new Map();
  document.querySelectorAll('#editor-translations [data-en]').forEach((e) => {
    map.set(e.getAttribute('data-en'), e.textContent);
  });
  return map;
}

/** A didi module replacing the toolkit's translate function with one that uses `map`. */
export function translateModule(map) {
  function translate(template, replacements) {
    const text = map.get(template) || template;
    const r = replacements || {};
    return text.replace(/{([^}]+)}/g, (_, key) => (r[key] !== undefined ? r[key] : '{' + key + '}'));
  }
  return { translate: ['value', translate] };
}

/** Creates an element with a class, attributes and children (strings become text nodes). */
export function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (v === undefined || v === null || v === false) {
      return;
    }
    if (k === 'class') {
      e.className = v;
    } else if (k === 'text') {
      e.textContent = v;
    } else if (k.startsWith('on') && typeof v === 'function') {
      e.addEventListener(k.substring(2), v);
    } else if (v === true) {
      e.setAttribute(k, '');
    } else {
      e.setAttribute(k, String(v));
    }
  });
  children.flat().forEach((c) => {
    if (c !== undefined && c !== null && c !== false) {
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
  });
  return e;
}

/** A request failed; `message` is for people, `body` is the parsed answer (if JSON). */
export class RequestFailed extends Error {
  constructor(message, status, body) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

/** Requests to the admin API, on the portal's session, with its CSRF token. */
export function api(root, t) {
  const header = root.getAttribute('data-csrf-header');
  const token = root.getAttribute('data-csrf-token');

  async function send(url, options) {
    // the answers (problems, labels) in the page's language, whatever the browser's settings
    const language = document.documentElement.lang || 'zh-CN';
    const headers = Object.assign(
      { Accept: 'application/json', 'Accept-Language': language },
      options.headers || {}
    );
    if (options.method && options.method !== 'GET' && header && token) {
      headers[header] = token;
    }
    let response;
    try {
      response = await fetch(url, Object.assign({}, options, { headers, credentials: 'same-origin' }));
    } catch {
      throw new RequestFailed(t('error.network'), 0, null);
    }
    const type = response.headers.get('Content-Type') || '';
    let body;
    if (type.includes('json')) {
      try {
        body = await response.json();
      } catch {
        body = null;
      }
    } else {
      body = await response.text();
    }
    if (!response.ok) {
      const message =
        body && typeof body === 'object' && typeof body.message === 'string' && body.message
          ? body.message
          : response.status === 403
            ? t('error.forbidden')
            : response.status === 401 || response.redirected
              ? t('error.signedOut')
              : t('error.http', response.status);
      throw new RequestFailed(message, response.status, body);
    }
    if (response.redirected && typeof body === 'string' && body.includes('id="username"')) {
      throw new RequestFailed(t('error.signedOut'), 401, null);
    }
    return body;
  }

  return {
    get: (url, accept) =>
      send(url, { method: 'GET', headers: accept ? { Accept: accept } : {} }),
    /** POSTs a model file (and further form fields) as multipart/form-data. */
    postFile: (url, filename, xml, fields) => {
      const form = new FormData();
      form.append('file', new Blob([xml], { type: 'application/xml' }), filename);
      Object.entries(fields || {}).forEach(([k, v]) => form.append(k, v));
      return send(url, { method: 'POST', body: form });
    },
  };
}

/** Offers a text as a file download. */
export function download(filename, text) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/xml' }));
  const a = el('a', { href: url, download: filename, class: 'visually-hidden' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Reads the file the admin picked. */
export function readFile(file) {
  return typeof file.text === 'function'
    ? file.text()
    : new Promise((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result));
        reader.onerror = () => reject(reader.error);
        reader.readAsText(file, 'UTF-8');
      });
}

/**
 * The result area: a status line and one section below it (problems, impact, deployment). Each
 * `show…` replaces what was shown before.
 */
export function resultArea(root, t) {
  const status = root.querySelector('.cf-editor-status');
  const details = root.querySelector('.cf-editor-details');

  function setStatus(kind, text) {
    status.className = 'cf-editor-status alert ' + kind;
    status.textContent = text;
    status.hidden = !text;
  }

  return {
    busy(text) {
      setStatus('info', text);
      details.textContent = '';
    },
    info(text, ...nodes) {
      setStatus('info', text);
      details.textContent = '';
      details.append(...nodes);
    },
    error(text, ...nodes) {
      setStatus('error', text);
      details.textContent = '';
      details.append(...nodes);
    },
    clear() {
      setStatus('info', '');
      details.textContent = '';
    },
    /**
     * A failed request: the server's problems (each picked with `onPick`, when given) or its
     * message; anything else is unexpected and goes to the console, never to the page.
     */
    failed(e, onPick) {
      if (!(e instanceof RequestFailed)) {
        this.error(t('error.unexpected'));
        console.error(e);
        return;
      }
      const problems = e.body && Array.isArray(e.body.problems) ? e.body.problems : [];
      if (problems.length) {
        this.error(t('check.problems', problems.length), this.problems(problems, onPick));
      } else {
        this.error(e.message);
      }
    },
    /**
     * The problems of a check or a refused deployment; `onPick(elementId)` selects the element a
     * problem is about.
     */
    problems(list, onPick) {
      const ol = el('ol', { class: 'cf-problems' });
      list.forEach((p) => {
        const where = p.elementName || p.elementId;
        const li = el('li');
        if (p.elementId && onPick) {
          li.append(
            el('button', {
              type: 'button',
              class: 'link-button',
              'data-element-id': p.elementId,
              text: where,
              onclick: () => onPick(p.elementId),
            }),
            '：'
          );
        } else if (where) {
          li.append(el('strong', { text: where }), '：');
        } else {
          li.append(el('strong', { text: t('problem.file') }), '：');
        }
        li.append(p.message);
        ol.append(li);
      });
      return ol;
    },
  };
}
