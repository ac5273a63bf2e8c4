/*
 * Process-model editor island (admin): bpmn-js Modeler with the Camunda moddle extension and a
 * side panel made for CivicFlow — the panel offers only what the vocabulary of the admin API
 * allows (task keys, candidate groups, due-date rules, delegates, decisions, processes, timer
 * dates, the variables of conditions), so what the admin picks passes the server's checks.
 * Every panel edit goes through bpmn-js's modeling commands, so undo/redo covers it.
 *
 * The container `#model-editor` carries:
 *   data-xml-src          the XML of the version to open (absent: start from an empty process)
 *   data-vocabulary-src   GET → the pick lists
 *   data-validation-url   POST multipart file → {valid, problems}
 *   data-impact-url       POST multipart file → the dry run for running instances
 *   data-deploy-url       POST multipart file + comment → 201 {key, version, definitionId}
 *   data-migration-url    the migration page, with _key_ and _target_ to fill in
 *   data-models-url       the list of models
 *   data-key              the process key (file name on download)
 *   data-csrf-header / data-csrf-token   the session's CSRF token for the POSTs
 * Texts: `#editor-texts [data-text]` (rendered by Thymeleaf in the reader's language);
 * bpmn-js's own texts: `#editor-translations [data-en]`.
 *
 * CSP (script-src 'self'; style-src 'self'): no inline scripts, no style attributes in markup, no
 * eval. bpmn-js and diagram-js set sizes and positions through the CSSOM (element.style), which
 * the policy allows; the editor's own layout is in css/model-editor.css.
 */
import Modeler from 'bpmn-js/lib/Modeler';
import { getBusinessObject, is } from 'bpmn-js/lib/util/ModelUtil';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import {
  api,
  download,
  el,
  pageTexts,
  readFile,
  RequestFailed,
  resultArea,
  translateModule,
  translations,
} from './editor-common.mjs';

const TIMER = 'bpmn:TimerEventDefinition';

// ---------------------------------------------------------------------------------------------
// the palette trimmed to what our processes use

function CivicPalette(palette, create, elementFactory, translate) {
  function creating(attrs) {
    return function (event) {
      create.start(event, elementFactory.createShape(attrs));
    };
  }
  function entry(group, className, title, attrs) {
    const action = creating(attrs);
    return { group, className, title: translate(title), action: { dragstart: action, click: action } };
  }
  this.getPaletteEntries = function () {
    return function (entries) {
      ['create.data-object', 'create.data-store', 'create.participant-expanded', 'create.group'].forEach(
        (k) => delete entries[k]
      );
      delete entries['create.task'];
      return Object.assign(entries, {
        'create.timer-event': entry('event', 'bpmn-icon-intermediate-event-catch-timer', 'Create timer event', {
          type: 'bpmn:IntermediateCatchEvent',
          eventDefinitionType: TIMER,
        }),
        'create.user-task': entry('activity', 'bpmn-icon-user-task', 'Create user task', {
          type: 'bpmn:UserTask',
        }),
        'create.service-task': entry('activity', 'bpmn-icon-service-task', 'Create service task', {
          type: 'bpmn:ServiceTask',
        }),
      });
    };
  };
  palette.registerProvider(500, this);
}
CivicPalette.$inject = ['palette', 'create', 'elementFactory', 'translate'];

/** The replace menu without script tasks: the server refuses scripts in a model. */
function NoScripts(popupMenu) {
  this.getPopupMenuEntries = function () {
    return function (entries) {
      delete entries['replace-with-script-task'];
      return entries;
    };
  };
  popupMenu.registerProvider('bpmn-replace', 500, this);
}
NoScripts.$inject = ['popupMenu'];

// ---------------------------------------------------------------------------------------------
// timers and conditions: what the panel writes, and reading back what a model holds

/**
 * A timer's value as the panel shows it: {kind, amount} or {kind: 'date', variable} or
 * {kind: 'other', text}. Written values:
 *   workingDays n → timeDate ${dueRules.workingDays(n)} (the holiday calendar's working days)
 *   days n → timeDuration PnD · hours n → timeDuration PTnH · months n → timeDuration PnM
 *   date v → timeDate ${v} (a date the process computed, e.g. the due date)
 */
export function readTimer(def) {
  if (!def) {
    return { kind: '' };
  }
  const body = (x) => (x && typeof x.body === 'string' ? x.body.trim() : '');
  const date = body(def.timeDate);
  const duration = body(def.timeDuration);
  const cycle = body(def.timeCycle);
  let m;
  if (duration) {
    if ((m = /^P(\d+)D$/.exec(duration))) return { kind: 'days', amount: Number(m[1]) };
    if ((m = /^PT(\d+)H$/.exec(duration))) return { kind: 'hours', amount: Number(m[1]) };
    if ((m = /^P(\d+)M$/.exec(duration))) return { kind: 'months', amount: Number(m[1]) };
    return { kind: 'other', text: duration };
  }
  if (date) {
    if ((m = /^\$\{\s*dueRules\.workingDays\(\s*(\d+)\s*\)\s*\}$/.exec(date))) {
      return { kind: 'workingDays', amount: Number(m[1]) };
    }
    if ((m = /^\$\{\s*(\w+)\s*\}$/.exec(date))) return { kind: 'date', variable: '${' + m[1] + '}' };
    return { kind: 'other', text: date };
  }
  if (cycle) {
    return { kind: 'other', text: cycle };
  }
  return { kind: '' };
}

function timerValue(kind, amount, variable) {
  const n = Math.max(1, Math.floor(Number(amount) || 1));
  switch (kind) {
    case 'workingDays':
      return { timeDate: '${dueRules.workingDays(' + n + ')}' };
    case 'days':
      return { timeDuration: 'P' + n + 'D' };
    case 'hours':
      return { timeDuration: 'PT' + n + 'H' };
    case 'months':
      return { timeDuration: 'P' + n + 'M' };
    case 'date':
      return variable ? { timeDate: variable } : null;
    default:
      return null;
  }
}

const ENUM_OPS = ['==', '!='];
const NUMBER_OPS = ['==', '!=', '<', '<=', '>', '>='];
const BOOLEAN_OPS = ['true', 'false'];

/** A condition as the panel shows it: {variable, op, value}, {other: text} or null (none). */
export function readCondition(expr) {
  const text = expr && typeof expr.body === 'string' ? expr.body.trim() : '';
  if (!text) {
    return null;
  }
  let m;
  if ((m = /^\$\{\s*(\w+)\s*(==|!=|eq|ne)\s*'([^']*)'\s*\}$/.exec(text))) {
    return { variable: m[1], op: m[2] === 'eq' ? '==' : m[2] === 'ne' ? '!=' : m[2], value: m[3] };
  }
  if ((m = /^\$\{\s*(not\s+|!\s*)?(\w+)\s*\}$/.exec(text)) && !/^(true|false)$/.test(m[2])) {
    return { variable: m[2], op: m[1] ? 'false' : 'true', value: '' };
  }
  if ((m = /^\$\{\s*(\w+)\s*(==|!=|<=|>=|<|>)\s*(-?\d+)\s*\}$/.exec(text))) {
    return { variable: m[1], op: m[2], value: m[3] };
  }
  return { other: text };
}

/** The expression of a condition, in the form SafeExpressions accepts; null when incomplete. */
export function conditionText(variable, op, value) {
  if (!variable) {
    return null;
  }
  if (variable.type === 'boolean') {
    return op === 'false' ? '${not ' + variable.name + '}' : '${' + variable.name + '}';
  }
  if (variable.type === 'number') {
    const n = String(value).trim();
    if (!/^-?\d+$/.test(n) || !NUMBER_OPS.includes(op)) {
      return null;
    }
    return '${' + variable.name + ' ' + op + ' ' + n + '}';
  }
  if (!variable.values.some((v) => v.value === value) || !ENUM_OPS.includes(op)) {
    return null;
  }
  return '${' + variable.name + ' ' + op + " '" + value + "'}";
}

// ---------------------------------------------------------------------------------------------
// the editor

class ModelEditor {
  constructor(root) {
    this.root = root;
    this.t = pageTexts(document.getElementById('editor-texts'));
    this.api = api(root, this.t);
    this.results = resultArea(root, this.t);
    this.key = root.getAttribute('data-key') || '';
    this.vocabulary = null;
    this.panel = root.querySelector('.cf-editor-panel');
    this.canvas = root.querySelector('.cf-editor-canvas');
    this.savedAt = 0;
    this.modeler = new Modeler({
      container: this.canvas,
      moddleExtensions: { camunda: camundaModdle },
      additionalModules: [
        translateModule(translations()),
        {
          __init__: ['civicPalette', 'noScripts'],
          civicPalette: ['type', CivicPalette],
          noScripts: ['type', NoScripts],
        },
      ],
    });
  }

  get(name) {
    return this.modeler.get(name);
  }

  async start() {
    this.root.setAttribute('aria-busy', 'true');
    this.wireToolbar();
    try {
      const [vocabulary, xml] = await Promise.all([
        this.api.get(this.root.getAttribute('data-vocabulary-src')),
        this.root.hasAttribute('data-xml-src')
          ? this.api.get(this.root.getAttribute('data-xml-src'), 'application/xml')
          : Promise.resolve(null),
      ]);
      this.vocabulary = vocabulary;
      if (xml) {
        await this.open(xml);
      } else {
        await this.modeler.createDiagram();
        this.afterOpen();
      }
      this.results.clear();
      this.root.classList.add('cf-editor-ready');
    } catch (e) {
      this.results.error(e instanceof RequestFailed ? e.message : this.t('error.open'));
      console.error('editor start failed', e);
    } finally {
      this.root.removeAttribute('aria-busy');
    }
    const eventBus = this.get('eventBus');
    eventBus.on('selection.changed', () => this.renderPanel());
    eventBus.on('elements.changed', () => this.scheduleRender());
    eventBus.on('commandStack.changed', () => this.updateButtons());
    eventBus.on('root.set', () => this.scheduleRender());
    this.followSize();
    window.addEventListener('beforeunload', (event) => {
      if (this.dirty()) {
        event.preventDefault();
        event.returnValue = '';
      }
    });
  }

  /** Tells bpmn-js when the canvas changes size (the window, the panel's content). */
  followSize() {
    if (typeof ResizeObserver === 'undefined') {
      return;
    }
    let fitted = false;
    new ResizeObserver(() => {
      const canvas = this.get('canvas');
      canvas.resized();
      if (!fitted && this.canvas.clientWidth > 0) {
        fitted = true;
        canvas.zoom('fit-viewport');
      }
    }).observe(this.canvas);
  }

  async open(xml) {
    const result = await this.modeler.importXML(xml);
    if (result.warnings && result.warnings.length) {
      console.warn('import warnings', result.warnings);
    }
    this.afterOpen();
  }

  afterOpen() {
    const root = this.get('canvas').getRootElement();
    const process = root && getBusinessObject(root);
    if (process && process.id && !this.key) {
      this.key = process.id;
    }
    this.get('canvas').zoom('fit-viewport');
    this.savedAt = this.get('commandStack')._stackIdx;
    this.updateButtons();
    this.renderPanel();
  }

  dirty() {
    try {
      return this.get('commandStack')._stackIdx !== this.savedAt;
    } catch (e) {
      return false;
    }
  }

  async xml() {
    const { xml } = await this.modeler.saveXML({ format: true });
    return xml;
  }

  processKey() {
    const root = this.get('canvas').getRootElement();
    const bo = root && getBusinessObject(root);
    if (bo && is(bo, 'bpmn:Process') && bo.id) {
      return bo.id;
    }
    if (bo && is(bo, 'bpmn:Collaboration') && bo.participants && bo.participants[0].processRef) {
      return bo.participants[0].processRef.id;
    }
    return this.key || 'process';
  }

  filename() {
    return this.processKey() + '.bpmn';
  }

  // --- toolbar ---------------------------------------------------------------------------------

  button(action) {
    return this.root.querySelector('[data-action="' + action + '"]');
  }

  wireToolbar() {
    const on = (action, handler) => {
      const b = this.button(action);
      if (b) {
        b.addEventListener('click', (e) => {
          e.preventDefault();
          handler();
        });
      }
    };
    on('undo', () => this.get('commandStack').undo());
    on('redo', () => this.get('commandStack').redo());
    on('zoom-in', () => this.get('zoomScroll').stepZoom(1));
    on('zoom-out', () => this.get('zoomScroll').stepZoom(-1));
    on('zoom-fit', () => this.get('canvas').zoom('fit-viewport', 'auto'));
    on('download', () => this.download());
    on('check', () => this.check());
    on('impact', () => this.impact());
    on('deploy', () => this.showDeployForm());
    const upload = this.root.querySelector('input[type=file][data-action="upload"]');
    if (upload) {
      upload.addEventListener('change', () => this.upload(upload));
    }
    const form = this.root.querySelector('form.cf-deploy');
    if (form) {
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        this.deploy(form);
      });
      form.querySelector('[data-action="cancel-deploy"]').addEventListener('click', () => {
        form.hidden = true;
      });
    }
  }

  updateButtons() {
    let stack;
    try {
      stack = this.get('commandStack');
    } catch (e) {
      return;
    }
    const undo = this.button('undo');
    const redo = this.button('redo');
    if (undo) undo.disabled = !stack.canUndo();
    if (redo) redo.disabled = !stack.canRedo();
  }

  async download() {
    try {
      download(this.filename(), await this.xml());
    } catch (e) {
      this.results.error(this.t('error.export'));
    }
  }

  async upload(input) {
    const file = input.files && input.files[0];
    if (!file) {
      return;
    }
    try {
      const text = await readFile(file);
      this.key = '';
      await this.open(text);
      this.results.info(this.t('upload.opened', file.name));
    } catch (e) {
      this.results.error(this.t('upload.failed', file.name));
      console.error('upload failed', e);
    } finally {
      input.value = '';
    }
  }

  async check() {
    this.results.busy(this.t('check.running'));
    try {
      const report = await this.api.postFile(
        this.root.getAttribute('data-validation-url'),
        this.filename(),
        await this.xml()
      );
      if (report.valid) {
        this.results.info(this.t('check.ok'));
      } else {
        this.results.error(
          this.t('check.problems', report.problems.length),
          this.results.problems(report.problems, (id) => this.select(id))
        );
      }
    } catch (e) {
      this.failed(e);
    }
  }

  async impact() {
    this.results.busy(this.t('impact.running'));
    try {
      const r = await this.api.postFile(
        this.root.getAttribute('data-impact-url'),
        this.filename(),
        await this.xml()
      );
      const nodes = [];
      if (r.problems && r.problems.length) {
        nodes.push(
          el('p', { class: 'alert error', text: this.t('check.problems', r.problems.length) }),
          this.results.problems(r.problems, (id) => this.select(id))
        );
      }
      if (r.currentVersion == null) {
        this.results.info(this.t('impact.newModel'), ...nodes);
        return;
      }
      const summary = this.t('impact.summary', r.currentVersion, r.runningInstances, r.nextVersion);
      if (!r.instances.length) {
        this.results.info(summary, ...nodes, el('p', { text: this.t('impact.none') }));
        return;
      }
      nodes.push(this.impactTable(r));
      if (r.unmapped && r.unmapped.length) {
        nodes.push(
          el('p', {
            class: 'alert error',
            text: this.t('impact.unmapped', r.unmapped.map((m) => m.sourceName).join('、')),
          })
        );
      }
      if (r.instances.length < r.runningInstances) {
        nodes.push(el('p', { class: 'hint', text: this.t('impact.listed', r.instances.length) }));
      }
      this.results.info(summary, ...nodes);
    } catch (e) {
      this.failed(e);
    }
  }

  impactTable(r) {
    const t = this.t;
    const head = el(
      'tr',
      null,
      ['impact.col.number', 'impact.col.title', 'impact.col.department', 'impact.col.sitsIn', 'impact.col.exists', 'impact.col.target'].map(
        (k) => el('th', { scope: 'col', text: t(k) })
      )
    );
    const rows = r.instances.map((i) => {
      const positions = i.activities.length ? i.activities : [null];
      return positions.map((p, index) =>
        el(
          'tr',
          { class: p && !p.existsInNew ? 'cf-impact-gone' : null },
          index === 0 ? el('td', { text: i.proposalNumber || i.processInstanceId }) : el('td'),
          index === 0 ? el('td', { text: i.title || '' }) : el('td'),
          index === 0 ? el('td', { text: i.department || '' }) : el('td'),
          el('td', { text: p ? p.activityName : '' }),
          el('td', { text: p ? (p.existsInNew ? t('impact.yes') : t('impact.no')) : '' }),
          el('td', {
            text: p ? (p.proposedTarget ? this.nameOf(p.proposedTarget) : t('impact.noTarget')) : '',
          })
        )
      );
    });
    return el(
      'table',
      { class: 'list cf-impact' },
      el('caption', { text: t('impact.caption') }),
      el('thead', null, head),
      el('tbody', null, rows.flat())
    );
  }

  nameOf(id) {
    const e = this.get('elementRegistry').get(id);
    const name = e && getBusinessObject(e).name;
    return name ? name + ' (' + id + ')' : id;
  }

  showDeployForm() {
    const form = this.root.querySelector('form.cf-deploy');
    form.hidden = false;
    form.querySelector('textarea').focus();
  }

  async deploy(form) {
    const comment = form.querySelector('textarea').value.trim();
    if (!comment) {
      this.results.error(this.t('deploy.commentRequired'));
      form.querySelector('textarea').focus();
      return;
    }
    const submit = form.querySelector('button[type=submit]');
    submit.disabled = true;
    this.results.busy(this.t('deploy.running'));
    try {
      const d = await this.api.postFile(
        this.root.getAttribute('data-deploy-url'),
        this.filename(),
        await this.xml(),
        { comment }
      );
      form.hidden = true;
      form.querySelector('textarea').value = '';
      this.savedAt = this.get('commandStack')._stackIdx;
      const migration = this.root
        .getAttribute('data-migration-url')
        .replace('_key_', encodeURIComponent(d.key))
        .replace('_target_', encodeURIComponent(d.definitionId));
      this.results.info(
        this.t('deploy.done', d.version),
        el(
          'p',
          { class: 'cf-deployed', 'data-version': d.version, 'data-definition-id': d.definitionId },
          el('a', { href: migration, class: 'button-link', text: this.t('deploy.migrate') }),
          ' ',
          el('a', { href: this.root.getAttribute('data-models-url'), text: this.t('deploy.models') })
        )
      );
    } catch (e) {
      this.failed(e);
    } finally {
      submit.disabled = false;
    }
  }

  failed(e) {
    this.results.failed(e, (id) => this.select(id));
  }

  /** Selects an element (a problem's, or picked from the list), showing its plane. */
  select(id) {
    const registry = this.get('elementRegistry');
    const canvas = this.get('canvas');
    let element = registry.get(id);
    if (!element) {
      element = registry.get(id + '_plane') || null;
    }
    if (!element) {
      return;
    }
    if (!element.waypoints && element.parent === undefined) {
      return;
    }
    try {
      const root = canvas.findRoot(element);
      if (root && root !== canvas.getRootElement()) {
        canvas.setRootElement(root);
      }
    } catch (e) {
      // elements of the only plane
    }
    this.get('selection').select(element);
    try {
      canvas.scrollToElement(element, { top: 100, bottom: 100, left: 100, right: 320 });
    } catch (e) {
      // the root element cannot be scrolled to
    }
    this.panel.focus();
  }

  // --- the side panel ------------------------------------------------------------------------

  scheduleRender() {
    if (this.renderPending) {
      return;
    }
    this.renderPending = true;
    requestAnimationFrame(() => {
      this.renderPending = false;
      this.renderPanel();
    });
  }

  current() {
    const selected = this.get('selection').get();
    if (selected.length === 1) {
      return selected[0];
    }
    return this.get('canvas').getRootElement();
  }

  renderPanel() {
    if (!this.vocabulary) {
      return;
    }
    const focused = document.activeElement && this.panel.contains(document.activeElement)
      ? document.activeElement.id
      : null;
    const element = this.current();
    this.panel.textContent = '';
    this.panel.append(this.elementPicker(element));
    if (element) {
      this.panel.append(...this.fields(element));
    }
    if (focused) {
      const again = document.getElementById(focused);
      if (again) again.focus();
    }
  }

  /** A list of every element by name, to select one without the mouse. */
  elementPicker(current) {
    const t = this.t;
    const registry = this.get('elementRegistry');
    const options = registry
      .filter((e) => !e.labelTarget && e.type !== 'label' && getBusinessObject(e) && !is(e, 'bpmn:Process') && !is(e, 'bpmn:Collaboration') && e.type !== 'root' && !/_plane$/.test(e.id))
      .map((e) => {
        const bo = getBusinessObject(e);
        return { id: e.id, label: (bo.name ? bo.name + ' · ' : '') + this.kindName(e) + ' (' + e.id + ')' };
      })
      .sort((a, b) => a.label.localeCompare(b.label, 'zh'));
    const select = el(
      'select',
      { id: 'cf-pick-element', onchange: (ev) => (ev.target.value ? this.select(ev.target.value) : this.get('selection').select(null)) },
      el('option', { value: '', text: t('panel.process') }),
      options.map((o) => el('option', { value: o.id, text: o.label, selected: current && current.id === o.id }))
    );
    return el(
      'div',
      { class: 'field cf-pick' },
      el('label', { for: 'cf-pick-element', text: t('panel.element') }),
      select
    );
  }

  kindName(element) {
    const bo = getBusinessObject(element);
    const timer = (bo.eventDefinitions || []).some((d) => is(d, TIMER));
    const kinds = [
      ['bpmn:UserTask', 'kind.userTask'],
      ['bpmn:ServiceTask', 'kind.serviceTask'],
      ['bpmn:BusinessRuleTask', 'kind.businessRuleTask'],
      ['bpmn:CallActivity', 'kind.callActivity'],
      ['bpmn:SubProcess', 'kind.subProcess'],
      ['bpmn:Task', 'kind.task'],
      ['bpmn:ExclusiveGateway', 'kind.exclusiveGateway'],
      ['bpmn:ParallelGateway', 'kind.parallelGateway'],
      ['bpmn:InclusiveGateway', 'kind.inclusiveGateway'],
      ['bpmn:Gateway', 'kind.gateway'],
      ['bpmn:StartEvent', timer ? 'kind.timerStart' : 'kind.startEvent'],
      ['bpmn:EndEvent', 'kind.endEvent'],
      ['bpmn:BoundaryEvent', timer ? 'kind.timerBoundary' : 'kind.boundaryEvent'],
      ['bpmn:IntermediateCatchEvent', timer ? 'kind.timerIntermediate' : 'kind.intermediateEvent'],
      ['bpmn:IntermediateThrowEvent', 'kind.intermediateEvent'],
      ['bpmn:SequenceFlow', 'kind.sequenceFlow'],
      ['bpmn:TextAnnotation', 'kind.annotation'],
      ['bpmn:Process', 'kind.process'],
    ];
    const found = kinds.find(([type]) => is(element, type));
    return found ? this.t(found[1]) : element.type.replace('bpmn:', '');
  }

  fields(element) {
    const out = [];
    const bo = getBusinessObject(element);
    out.push(el('h2', { class: 'cf-panel-title', text: this.kindName(element) }));
    if (is(element, 'bpmn:Process') || is(element, 'bpmn:Collaboration')) {
      return out.concat(this.processFields(element));
    }
    out.push(el('p', { class: 'muted mono', text: element.id }));
    if (!is(element, 'bpmn:TextAnnotation')) {
      out.push(this.nameField(element));
    }
    if (is(element, 'bpmn:UserTask')) {
      out.push(...this.userTaskFields(element, bo));
    } else if (is(element, 'bpmn:ServiceTask')) {
      out.push(this.delegateField(element, bo));
    } else if (is(element, 'bpmn:BusinessRuleTask')) {
      out.push(this.choiceField(element, 'decision', 'camunda:decisionRef', bo.get('camunda:decisionRef'), this.vocabulary.decisions, true));
    } else if (is(element, 'bpmn:CallActivity')) {
      out.push(this.choiceField(element, 'calledElement', 'calledElement', bo.calledElement, this.vocabulary.processes, true));
    } else if (is(element, 'bpmn:SequenceFlow')) {
      out.push(...this.flowFields(element, bo));
    } else if (is(element, 'bpmn:Gateway')) {
      out.push(el('p', { class: 'hint', text: this.t('panel.gatewayHint') }));
    } else if (is(element, 'bpmn:Task') && !is(element, 'bpmn:SubProcess')) {
      out.push(el('p', { class: 'hint', text: this.t('panel.taskHint') }));
    }
    const timer = (bo.eventDefinitions || []).find((d) => is(d, TIMER));
    if (timer) {
      out.push(...this.timerFields(element, bo, timer));
    }
    return out;
  }

  // --- fields ---------------------------------------------------------------------------------

  field(id, labelKey, control, hintKey) {
    return el(
      'div',
      { class: 'field' },
      el('label', { for: id, text: this.t(labelKey) }),
      control,
      hintKey ? el('p', { class: 'hint', text: this.t(hintKey) }) : null
    );
  }

  update(element, properties) {
    this.get('modeling').updateProperties(element, properties);
  }

  nameField(element) {
    const bo = getBusinessObject(element);
    const input = el('input', {
      type: 'text',
      id: 'cf-name',
      value: bo.name || '',
      maxlength: 200,
    });
    input.addEventListener('change', () => {
      const value = input.value.trim();
      if ((bo.name || '') !== value) {
        this.get('modeling').updateLabel(element, value || null);
      }
    });
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        input.dispatchEvent(new Event('change'));
      }
    });
    return this.field('cf-name', 'panel.name', input);
  }

  processFields(element) {
    const bo = getBusinessObject(element);
    const process = is(bo, 'bpmn:Process') ? bo : bo.participants && bo.participants[0] && bo.participants[0].processRef;
    const out = [];
    if (!process) {
      return out;
    }
    out.push(el('p', { class: 'muted mono', text: process.id }));
    const name = el('input', { type: 'text', id: 'cf-process-name', value: process.name || '', maxlength: 200 });
    name.addEventListener('change', () => {
      const value = name.value.trim();
      if (is(bo, 'bpmn:Process')) {
        this.update(element, { name: value || undefined });
      } else {
        this.get('modeling').updateModdleProperties(element, process, { name: value || undefined });
      }
    });
    out.push(this.field('cf-process-name', 'panel.processName', name));
    const ttl = el('input', {
      type: 'number',
      id: 'cf-ttl',
      min: 180,
      max: 36500,
      step: 1,
      value: process.get('camunda:historyTimeToLive') || '',
    });
    ttl.addEventListener('change', () => {
      const n = Math.max(180, Math.floor(Number(ttl.value) || 180));
      this.get('modeling').updateModdleProperties(element, process, { 'camunda:historyTimeToLive': String(n) });
    });
    out.push(this.field('cf-ttl', 'panel.historyTimeToLive', ttl, 'panel.historyTimeToLiveHint'));
    out.push(el('p', { class: 'hint', text: this.t('panel.processHint') }));
    return out;
  }

  choiceField(element, name, property, current, choices, required) {
    const id = 'cf-' + name;
    const select = this.selectBox(id, choices, current, required ? 'panel.choose' : 'panel.none');
    select.addEventListener('change', () => this.update(element, { [property]: select.value || undefined }));
    return this.field(id, 'panel.' + name, select);
  }

  /** A select of choices; a value the vocabulary does not know is kept as an extra option. */
  selectBox(id, choices, current, emptyKey) {
    const select = el('select', { id });
    if (emptyKey) {
      select.append(el('option', { value: '', text: this.t(emptyKey), selected: !current }));
    }
    let known = !current;
    choices.forEach((c) => {
      const selected = c.value === current;
      known = known || selected;
      select.append(el('option', { value: c.value, text: c.label, selected }));
    });
    if (!known) {
      select.append(el('option', { value: current, text: this.t('panel.unknownValue', current), selected: true }));
    }
    return select;
  }

  delegateField(element, bo) {
    return this.choiceField(element, 'delegate', 'camunda:delegateExpression', bo.get('camunda:delegateExpression'), this.vocabulary.delegates, true);
  }

  userTaskFields(element, bo) {
    const v = this.vocabulary;
    const out = [];
    // the form: the task key; built-in tasks use their id as the key
    const formKey = bo.get('camunda:formKey');
    const idIsKey = v.taskKeys.some((k) => k.value === element.id);
    const form = this.selectBox('cf-form', v.taskKeys, formKey, idIsKey ? null : 'panel.choose');
    if (idIsKey) {
      const byId = v.taskKeys.find((k) => k.value === element.id);
      form.prepend(el('option', { value: '', text: this.t('panel.formById', byId.label), selected: !formKey }));
    }
    form.addEventListener('change', () => this.update(element, { 'camunda:formKey': form.value || undefined }));
    out.push(this.field('cf-form', 'panel.form', form, 'panel.formHint'));

    // candidate groups: our departments and roles
    const current = (bo.get('camunda:candidateGroups') || '').split(',').map((g) => g.trim()).filter(Boolean);
    const choices = v.candidateGroups.slice();
    current.filter((g) => !choices.some((c) => c.value === g)).forEach((g) => choices.push({ value: g, label: this.t('panel.unknownValue', g) }));
    const boxes = el('div', { class: 'cf-checks', id: 'cf-groups', role: 'group', 'aria-labelledby': 'cf-groups-label' });
    choices.forEach((c, i) => {
      const box = el('input', { type: 'checkbox', id: 'cf-group-' + i, value: c.value, checked: current.includes(c.value) });
      box.addEventListener('change', () => {
        const picked = Array.from(boxes.querySelectorAll('input:checked')).map((b) => b.value);
        this.update(element, { 'camunda:candidateGroups': picked.length ? picked.join(',') : undefined });
      });
      boxes.append(el('label', { class: 'option', for: 'cf-group-' + i }, box, ' ' + c.label));
    });
    out.push(
      el(
        'div',
        { class: 'field' },
        el('span', { class: 'field-label', id: 'cf-groups-label', text: this.t('panel.candidateGroups') }),
        boxes
      )
    );

    // assignee: only the known user variables
    const assignee = this.selectBox('cf-assignee', v.assignees, bo.get('camunda:assignee'), 'panel.none');
    assignee.addEventListener('change', () => this.update(element, { 'camunda:assignee': assignee.value || undefined }));
    out.push(this.field('cf-assignee', 'panel.assignee', assignee));

    // due date: the allowlisted rules; the empty rule = by the task's kind
    const rules = v.dueDateRules.filter((r) => r.value !== '');
    const empty = v.dueDateRules.find((r) => r.value === '');
    const due = this.selectBox('cf-due', rules, bo.get('camunda:dueDate'), null);
    due.prepend(el('option', { value: '', text: empty ? empty.label : this.t('panel.none'), selected: !bo.get('camunda:dueDate') }));
    due.addEventListener('change', () => this.update(element, { 'camunda:dueDate': due.value || undefined }));
    out.push(this.field('cf-due', 'panel.dueDate', due));
    return out;
  }

  timerFields(element, bo, def) {
    const t = this.t;
    const value = readTimer(def);
    const out = [el('h3', { class: 'cf-panel-sub', text: t('timer.title') })];
    const kinds = ['workingDays', 'days', 'hours', 'months', 'date'].map((k) => ({ value: k, label: t('timer.kind.' + k) }));
    const kind = this.selectBox('cf-timer-kind', kinds, value.kind === 'other' ? '' : value.kind, 'panel.choose');
    out.push(this.field('cf-timer-kind', 'timer.kind', kind));
    const amount = el('input', { type: 'number', id: 'cf-timer-amount', min: 1, max: 999, step: 1, value: value.amount || '' });
    const amountField = this.field('cf-timer-amount', 'timer.amount', amount);
    const variable = this.selectBox('cf-timer-date', this.vocabulary.timerDates, value.variable, 'panel.choose');
    const dateField = this.field('cf-timer-date', 'timer.date', variable);
    const showFor = (k) => {
      amountField.hidden = !k || k === 'date';
      dateField.hidden = k !== 'date';
    };
    showFor(value.kind === 'other' ? '' : value.kind);
    const write = () => {
      showFor(kind.value);
      const next = timerValue(kind.value, amount.value, variable.value);
      if (!next) {
        return;
      }
      if (kind.value !== 'date' && !amount.value) {
        amount.value = '1';
      }
      const bpmnFactory = this.get('bpmnFactory');
      const props = { timeDate: undefined, timeDuration: undefined, timeCycle: undefined };
      Object.entries(next).forEach(([k, body]) => {
        props[k] = bpmnFactory.create('bpmn:FormalExpression', { body });
      });
      const before = readTimer(def);
      const after = readTimer({ timeDate: props.timeDate, timeDuration: props.timeDuration });
      if (JSON.stringify(before) !== JSON.stringify(after)) {
        this.get('modeling').updateModdleProperties(element, def, props);
      }
    };
    kind.addEventListener('change', write);
    amount.addEventListener('change', write);
    variable.addEventListener('change', write);
    out.push(amountField, dateField);
    if (value.kind === 'other') {
      out.push(el('p', { class: 'hint' }, t('timer.other') + ' ', el('code', { text: value.text })));
    }
    if (is(element, 'bpmn:BoundaryEvent')) {
      const box = el('input', { type: 'checkbox', id: 'cf-interrupting', checked: bo.cancelActivity !== false });
      box.addEventListener('change', () => this.update(element, { cancelActivity: box.checked }));
      out.push(el('div', { class: 'field' }, el('label', { class: 'option', for: 'cf-interrupting' }, box, ' ' + t('timer.interrupting'))));
    }
    return out;
  }

  flowFields(element, bo) {
    const t = this.t;
    const out = [];
    const source = element.source;
    const sourceBo = source && getBusinessObject(source);
    const fromGateway = source && (is(source, 'bpmn:ExclusiveGateway') || is(source, 'bpmn:InclusiveGateway'));
    const current = readCondition(bo.conditionExpression);
    if (!fromGateway && !current) {
      out.push(el('p', { class: 'hint', text: t('condition.notFromGateway') }));
      return out;
    }
    out.push(el('h3', { class: 'cf-panel-sub', text: t('condition.title') }));
    if (fromGateway) {
      const isDefault = sourceBo.default === bo;
      const box = el('input', { type: 'checkbox', id: 'cf-default', checked: isDefault });
      box.addEventListener('change', () => {
        if (box.checked) {
          this.update(element, { conditionExpression: undefined });
          this.update(source, { default: bo });
        } else {
          this.update(source, { default: undefined });
        }
      });
      out.push(el('div', { class: 'field' }, el('label', { class: 'option', for: 'cf-default' }, box, ' ' + t('condition.default'))));
      if (isDefault) {
        return out;
      }
    }
    const variables = this.vocabulary.variables;
    const chosen = current && current.variable ? variables.find((x) => x.name === current.variable) : null;
    const variable = this.selectBox(
      'cf-cond-var',
      variables.map((x) => ({ value: x.name, label: x.label })),
      chosen ? chosen.name : '',
      'condition.none'
    );
    out.push(this.field('cf-cond-var', 'condition.variable', variable));
    const opField = el('div', { class: 'field' });
    const valueField = el('div', { class: 'field' });
    out.push(opField, valueField);
    const apply = () => {
      const x = variables.find((y) => y.name === variable.value);
      const op = opField.querySelector('select');
      const val = valueField.querySelector('select, input');
      const text = conditionText(x, op ? op.value : '', val ? val.value : '');
      if (!variable.value) {
        if (bo.conditionExpression) {
          this.update(element, { conditionExpression: undefined });
        }
        return;
      }
      if (!text) {
        return;
      }
      const before = bo.conditionExpression && bo.conditionExpression.body;
      if (before !== text) {
        this.update(element, {
          conditionExpression: this.get('bpmnFactory').create('bpmn:FormalExpression', { body: text }),
        });
      }
    };
    const controls = (x, preset) => {
      opField.textContent = '';
      valueField.textContent = '';
      if (!x) {
        return;
      }
      const ops = x.type === 'boolean' ? BOOLEAN_OPS : x.type === 'number' ? NUMBER_OPS : ENUM_OPS;
      const op = this.selectBox(
        'cf-cond-op',
        ops.map((o) => ({ value: o, label: t('condition.op.' + x.type + '.' + o) })),
        preset ? preset.op : ops[0],
        null
      );
      op.addEventListener('change', apply);
      opField.append(el('label', { for: 'cf-cond-op', text: t('condition.operator') }), op);
      if (x.type === 'enum') {
        const val = this.selectBox('cf-cond-value', x.values, preset ? preset.value : '', 'panel.choose');
        val.addEventListener('change', apply);
        valueField.append(el('label', { for: 'cf-cond-value', text: t('condition.value') }), val);
      } else if (x.type === 'number') {
        const val = el('input', { type: 'number', id: 'cf-cond-value', step: 1, value: preset ? preset.value : '' });
        val.addEventListener('change', apply);
        valueField.append(el('label', { for: 'cf-cond-value', text: t('condition.value') }), val);
      }
    };
    controls(chosen, current);
    variable.addEventListener('change', () => {
      controls(variables.find((y) => y.name === variable.value), null);
      apply();
    });
    if (current && current.other) {
      out.push(el('p', { class: 'hint' }, t('condition.other') + ' ', el('code', { text: current.other })));
    } else if (current && current.variable && !chosen) {
      out.push(el('p', { class: 'hint' }, t('condition.unknownVariable', current.variable)));
    }
    return out;
  }
}

function init() {
  const root = document.getElementById('model-editor');
  if (root) {
    new ModelEditor(root).start();
  }
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', init);
} else {
  init();
}
