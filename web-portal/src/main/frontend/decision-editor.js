/*
 * Decision-table editor island (admin): dmn-js opens a deployed version of a decision (the
 * routing and the deadline tables) straight in its decision table view; the admin edits rules,
 * checks the table against the server's rules (FEEL only, inputs from known variables, one output,
 * a single-result hit policy) and deploys it as a new version through the admin API. The toolbar,
 * the check and the deploy form are EditorBase's (editor-base.mjs).
 *
 * The container `#decision-editor` carries data-xml-src, data-validation-url, data-deploy-url,
 * data-models-url, data-key and data-csrf-header / data-csrf-token; texts come from
 * `#editor-texts [data-text]`, dmn-js's own texts from `#editor-translations [data-en]`.
 *
 * CSP (script-src 'self'; style-src 'self'): dmn-js renders with inferno, which sets sizes through
 * the CSSOM (element.style), allowed by the policy; its style sheets are served from css/dmn/.
 */
import DmnModeler from 'dmn-js/lib/Modeler';
import { EditorBase } from './editor-base.mjs';
import { el, translateModule, translations } from './editor-common.mjs';

/** Opens the decision table of the first decision instead of the requirements diagram. */
class TableModeler extends DmnModeler {
  _getInitialView(views, ...rest) {
    return views.find((v) => v.type === 'decisionTable') || super._getInitialView(views, ...rest);
  }
}

class DecisionEditor extends EditorBase {
  constructor(root) {
    super(root);
    this.key = root.getAttribute('data-key') || 'decision';
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

  async load() {
    this.modeler.on('views.changed', () => this.updateButtons());
    await this.open(await this.api.get(this.root.getAttribute('data-xml-src'), 'application/xml'));
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
    this.opened();
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

  deployed(d) {
    return [
      this.t('deploy.doneDecision', d.version),
      el(
        'p',
        { class: 'cf-deployed', 'data-version': d.version, 'data-definition-id': d.definitionId },
        el('a', { href: this.root.getAttribute('data-models-url'), text: this.t('deploy.models') })
      ),
    ];
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
