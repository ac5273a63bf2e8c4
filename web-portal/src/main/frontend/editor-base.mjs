/*
 * What the two model editors (process and decision) do alike: start (open, report, mark ready),
 * the toolbar's undo, redo, download and upload, the check against the server's rules, the deploy
 * form with its required comment, and the warning before leaving with changes not deployed.
 *
 * A subclass supplies the model-specific parts:
 *   load()          opens what the page names (the XML of a version, the vocabulary…)
 *   open(xml)       shows a model; then calls opened()
 *   stack()         the command stack of what is shown (null while nothing is)
 *   xml()           the model as XML
 *   filename()      the file name for downloads and uploads to the server
 *   deployed(d)     [status text, node] after a deployment
 * and may override wireMore(on), afterStart(), openUpload(text) and pick (the problem picker).
 */
import { api, download, pageTexts, readFile, RequestFailed, resultArea } from './editor-common.mjs';

export class EditorBase {
  constructor(root) {
    this.root = root;
    this.t = pageTexts(document.getElementById('editor-texts'));
    this.api = api(root, this.t);
    this.results = resultArea(root, this.t);
    this.savedAt = -1;
    /** Selects the element a problem is about (a function of its id), or null. */
    this.pick = null;
  }

  async start() {
    this.root.setAttribute('aria-busy', 'true');
    this.wire();
    try {
      await this.load();
      this.results.clear();
      this.root.classList.add('cf-editor-ready');
    } catch (e) {
      this.results.error(e instanceof RequestFailed ? e.message : this.t('error.open'));
      console.error('editor start failed', e);
    } finally {
      this.root.removeAttribute('aria-busy');
    }
    this.afterStart();
    window.addEventListener('beforeunload', (event) => {
      if (this.dirty()) {
        event.preventDefault();
        event.returnValue = '';
      }
    });
  }

  /** After the model is open (or failed to open): nothing here. */
  afterStart() {}

  /** A model was opened: what is shown now counts as saved. */
  opened() {
    this.markSaved();
    this.updateButtons();
  }

  markSaved() {
    const stack = this.stack();
    this.savedAt = stack ? stack._stackIdx : -1;
  }

  dirty() {
    const stack = this.stack();
    return stack ? stack._stackIdx !== this.savedAt : false;
  }

  // --- toolbar -------------------------------------------------------------------------------

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
    on('download', () => this.download());
    on('check', () => this.check());
    on('deploy', () => this.showDeployForm());
    this.wireMore(on);
    const upload = this.root.querySelector('input[type=file][data-action="upload"]');
    if (upload) {
      upload.addEventListener('change', () => this.upload(upload));
    }
    const form = this.deployForm();
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

  /** Wires the subclass's own buttons; called with `on(action, handler)`. */
  wireMore() {}

  updateButtons() {
    const stack = this.stack();
    const undo = this.button('undo');
    const redo = this.button('redo');
    if (undo) undo.disabled = !stack || !stack.canUndo();
    if (redo) redo.disabled = !stack || !stack.canRedo();
  }

  async download() {
    try {
      download(this.filename(), await this.xml());
    } catch {
      this.results.error(this.t('error.export'));
    }
  }

  /** Opens a file the admin uploaded. */
  openUpload(text) {
    return this.open(text);
  }

  async upload(input) {
    const file = input.files && input.files[0];
    if (!file) {
      return;
    }
    try {
      await this.openUpload(await readFile(file));
      this.results.info(this.t('upload.opened', file.name));
    } catch (e) {
      this.results.error(this.t('upload.failed', file.name));
      console.error('upload failed', e);
    } finally {
      input.value = '';
    }
  }

  /** POSTs the model as a file to the URL of the root's `attribute`. */
  async post(attribute, fields) {
    return this.api.postFile(this.root.getAttribute(attribute), this.filename(), await this.xml(), fields);
  }

  async check() {
    this.results.busy(this.t('check.running'));
    try {
      const report = await this.post('data-validation-url');
      if (report.valid) {
        this.results.info(this.t('check.ok'));
      } else {
        this.results.error(
          this.t('check.problems', report.problems.length),
          this.results.problems(report.problems, this.pick)
        );
      }
    } catch (e) {
      this.failed(e);
    }
  }

  // --- deployment ----------------------------------------------------------------------------

  deployForm() {
    return this.root.querySelector('form.cf-deploy');
  }

  showDeployForm() {
    const form = this.deployForm();
    form.hidden = false;
    form.querySelector('textarea').focus();
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
      const d = await this.post('data-deploy-url', { comment });
      form.hidden = true;
      textarea.value = '';
      this.markSaved();
      this.results.info(...this.deployed(d));
    } catch (e) {
      this.failed(e);
    } finally {
      submit.disabled = false;
    }
  }

  failed(e) {
    this.results.failed(e, this.pick);
  }
}
