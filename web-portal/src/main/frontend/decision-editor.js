/*
 * Decision-table editor island (admin): dmn-js opens a deployed version of a decision (the
 * routing and the deadline tables) straight in its decision table view; the admin edits rules,
 * checks the table against the server's rules (FEEL only, inputs from known variables, one output,
 * a single-result hit policy) and deploys it as a new version through the admin API.
 *
 * The container `#decision-editor` carries data-xml-src, data-validation-url, data-deploy-url,
 * data-models-url, data-key and data-csrf-header / data-csrf-token; texts come from
 * `#editor-texts [data-text]`, dmn-js's own texts from `#editor-translations [data-en]`.
 *
 * CSP (script-src 'self'; style-src 'self'): dmn-js renders with inferno, which sets sizes through
 * the CSSOM (element.style), allowed by the policy; its style sheets are served from css/dmn/.
 */
import DmnModeler from 'dmn-js/lib/Modeler';
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

/** Opens the decision table of the first decision instead of the requirements diagram. */
class TableModeler extends DmnModeler {
  _getInitialView(views, ...rest) {
    return views.find((v) => v.type === 'decisionTable') || super._getInitialView(views, ...rest);
  }
}

class DecisionEditor {
  constructor(root) {
    this.root = root;
    this.t = pageTexts(document.getElementById('editor-texts'));
    this.api = api(root, this.t);
    this.results = resultArea(root, this.t);
    this.key = root.getAttribute('data-key') || 'decision';
    this.savedAt = 0;
    this.modeler = new TableModeler({
      container: root.querySelector('.cf-editor-canvas'),
      decisionTable: { additionalModules: [translateModule(translations())] },
    });
  }

  viewer() {
    return this.modeler.getActiveViewer();
  }

  stack() {
    const v = this.viewer();
    return v ? v.get('commandStack') : null;
  }

  async start() {
    this.root.setAttribute('aria-busy', 'true');
    this.wire();
    this.modeler.on('views.changed', () => this.updateButtons());
    try {
      const xml = await this.api.get(this.root.getAttribute('data-xml-src'), 'application/xml');
      await this.open(xml);
      this.results.clear();
      this.root.classList.add('cf-editor-ready');
    } catch (e) {
      this.results.error(e instanceof RequestFailed ? e.message : this.t('error.open'));
      console.error('decision editor start failed', e);
    } finally {
      this.root.removeAttribute('aria-busy');
    }
    window.addEventListener('beforeunload', (event) => {
      if (this.dirty()) {
        event.preventDefault();
        event.returnValue = '';
      }
    });
  }

  async open(xml) {
    await this.modeler.importXML(xml);
    const stack = this.stack();
    if (stack) {
      stack.clear();
      this.viewer()
        .get('eventBus')
        .on('commandStack.changed', () => this.updateButtons());
    }
    this.savedAt = 0;
    this.updateButtons();
  }

  dirty() {
    const stack = this.stack();
    return stack ? stack._stackIdx + 1 !== this.savedAt : false;
  }

  async xml() {
    const { xml } = await this.modeler.saveXML({ format: true });
    return xml;
  }

  filename() {
    const definitions = this.modeler.getDefinitions && this.modeler.getDefinitions();
    const decision =
      definitions && definitions.drgElement && definitions.drgElement.find((d) => d.$type === 'dmn:Decision');
    return (decision && decision.id ? decision.id : this.key) + '.dmn';
  }

  button(action) {
    return this.root.querySelector('[data-action="' + action + '"]');
  }

  wire() {
    const on = (action, handler) => {
      const b = this.button(action);
      if (b) {
        b.addEventListener('click', (e) => {
          e.preventDefault();
          handler();
        });
      }
    };
    on('undo', () => this.stack() && this.stack().undo());
    on('redo', () => this.stack() && this.stack().redo());
    on('download', async () => download(this.filename(), await this.xml()));
    on('check', () => this.check());
    on('deploy', () => {
      const form = this.root.querySelector('form.cf-deploy');
      form.hidden = false;
      form.querySelector('textarea').focus();
    });
    const upload = this.root.querySelector('input[type=file][data-action="upload"]');
    upload.addEventListener('change', async () => {
      const file = upload.files && upload.files[0];
      if (!file) return;
      try {
        await this.open(await readFile(file));
        this.results.info(this.t('upload.opened', file.name));
      } catch (e) {
        this.results.error(this.t('upload.failed', file.name));
      } finally {
        upload.value = '';
      }
    });
    const form = this.root.querySelector('form.cf-deploy');
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.deploy(form);
    });
    form.querySelector('[data-action="cancel-deploy"]').addEventListener('click', () => {
      form.hidden = true;
    });
  }

  updateButtons() {
    const stack = this.stack();
    const undo = this.button('undo');
    const redo = this.button('redo');
    if (undo) undo.disabled = !stack || !stack.canUndo();
    if (redo) redo.disabled = !stack || !stack.canRedo();
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
          this.results.problems(report.problems, null)
        );
      }
    } catch (e) {
      this.failed(e);
    }
  }

  async deploy(form) {
    const textarea = form.querySelector('textarea');
    const comment = textarea.value.trim();
    if (!comment) {
      this.results.error(this.t('deploy.commentRequired'));
      textarea.focus();
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
      textarea.value = '';
      const stack = this.stack();
      this.savedAt = stack ? stack._stackIdx + 1 : 0;
      this.results.info(
        this.t('deploy.doneDecision', d.version),
        el(
          'p',
          { class: 'cf-deployed', 'data-version': d.version, 'data-definition-id': d.definitionId },
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
    this.results.failed(e, null);
  }
}

function init() {
  const root = document.getElementById('decision-editor');
  if (root) {
    new DecisionEditor(root).start();
  }
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', init);
} else {
  init();
}
