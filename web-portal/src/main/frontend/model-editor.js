/*
 * Process-model editor island (admin): bpmn-js Modeler with the Camunda moddle extension and a
 * side panel made for CivicFlow — the panel offers only what the vocabulary of the admin API
 * allows (task keys, candidate groups, due-date rules, delegates, decisions, processes, timer
 * dates, the variables of conditions), so what the admin picks passes the server's checks.
 *
 * Where things are: the toolbar, check and deploy form are EditorBase's (editor-base.mjs, shared
 * with the decision editor); the palette and replace menu model-palette.mjs; the side panel
 * model-panel.mjs (fields: panel-*.mjs; timers and conditions read and written by timers.mjs and
 * conditions.mjs); the dry run for running instances model-impact.mjs.
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
import { EditorBase } from './editor-base.mjs';
import { el, translateModule, translations } from './editor-common.mjs';
import { showImpact } from './model-impact.mjs';
import { restrictionsModule } from './model-palette.mjs';
import { PropertiesPanel } from './model-panel.mjs';

class ModelEditor extends EditorBase {
  constructor(root) {
    super(root);
    this.key = root.getAttribute('data-key') || '';
    this.canvas = root.querySelector('.cf-editor-canvas');
    this.modeler = new Modeler({
      container: this.canvas,
      moddleExtensions: { camunda: camundaModdle },
      additionalModules: [translateModule(translations()), restrictionsModule],
    });
    this.pick = (id) => this.select(id);
    this.panel = new PropertiesPanel(root.querySelector('.cf-editor-panel'), this.t, (name) => this.get(name), this.pick);
  }

  get(name) {
    return this.modeler.get(name);
  }

  stack() {
    try {
      return this.get('commandStack');
    } catch {
      return null;
    }
  }

  async load() {
    const [vocabulary, xml] = await Promise.all([
      this.api.get(this.root.getAttribute('data-vocabulary-src')),
      this.root.hasAttribute('data-xml-src')
        ? this.api.get(this.root.getAttribute('data-xml-src'), 'application/xml')
        : Promise.resolve(null),
    ]);
    this.panel.vocabulary = vocabulary;
    if (xml) {
      await this.open(xml);
    } else {
      await this.modeler.createDiagram();
      this.afterOpen();
    }
  }

  afterStart() {
    const eventBus = this.get('eventBus');
    eventBus.on('selection.changed', () => this.panel.render());
    eventBus.on('elements.changed', () => this.panel.scheduleRender());
    eventBus.on('commandStack.changed', () => this.updateButtons());
    eventBus.on('root.set', () => this.panel.scheduleRender());
    this.followSize();
  }

  wireMore(on) {
    on('zoom-in', () => this.get('zoomScroll').stepZoom(1));
    on('zoom-out', () => this.get('zoomScroll').stepZoom(-1));
    on('zoom-fit', () => this.get('canvas').zoom('fit-viewport', 'auto'));
    on('impact', () => this.impact());
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

  /** An uploaded file names its own process. */
  openUpload(text) {
    this.key = '';
    return this.open(text);
  }

  afterOpen() {
    const root = this.get('canvas').getRootElement();
    const process = root && getBusinessObject(root);
    if (process && process.id && !this.key) {
      this.key = process.id;
    }
    this.get('canvas').zoom('fit-viewport');
    this.opened();
    this.panel.render();
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

  async impact() {
    this.results.busy(this.t('impact.running'));
    try {
      showImpact(this.results, this.t, await this.post('data-impact-url'), (id) => this.nameOf(id), this.pick);
    } catch (e) {
      this.failed(e);
    }
  }

  nameOf(id) {
    const e = this.get('elementRegistry').get(id);
    const name = e && getBusinessObject(e).name;
    return name ? name + ' (' + id + ')' : id;
  }

  /** After a deployment: the link to migrate the running instances, and to the models. */
  deployed(d) {
    const migration = this.root
      .getAttribute('data-migration-url')
      .replace('_key_', encodeURIComponent(d.key))
      .replace('_target_', encodeURIComponent(d.definitionId));
    return [
      this.t('deploy.done', d.version),
      el(
        'p',
        { class: 'cf-deployed', 'data-version': d.version, 'data-definition-id': d.definitionId },
        el('a', { href: migration, class: 'button-link', text: this.t('deploy.migrate') }),
        ' ',
        el('a', { href: this.root.getAttribute('data-models-url'), text: this.t('deploy.models') })
      ),
    ];
  }

  /** Selects an element (a problem's, or picked from the list), showing its plane. */
  select(id) {
    const registry = this.get('elementRegistry');
    const canvas = this.get('canvas');
    const element = registry.get(id) || registry.get(id + '_plane') || null;
    if (!element || (!element.waypoints && element.parent === undefined)) {
      return;
    }
    try {
      const root = canvas.findRoot(element);
      if (root && root !== canvas.getRootElement()) {
        canvas.setRootElement(root);
      }
    } catch {
      // elements of the only plane
    }
    this.get('selection').select(element);
    try {
      canvas.scrollToElement(element, { top: 100, bottom: 100, left: 100, right: 320 });
    } catch {
      // the root element cannot be scrolled to
    }
    this.panel.focus();
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
