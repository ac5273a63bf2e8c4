/*
 * The process editor's side panel: a list of every element (to select one without the mouse) and
 * the fields of the selected element (or of the process), drawn anew after every change. Every
 * edit goes through bpmn-js's modeling commands, so undo/redo covers it. The fields by kind are in
 * panel-element.mjs, panel-timer.mjs and panel-condition.mjs.
 */
import { getBusinessObject, is } from 'bpmn-js/lib/util/ModelUtil';
import { el } from './editor-common.mjs';
import { isTimer, kindName } from './model-kinds.mjs';
import { TIMER } from './model-palette.mjs';
import { flowFields } from './panel-condition.mjs';
import { nameField, processFields, userTaskFields } from './panel-element.mjs';
import { timerFields } from './panel-timer.mjs';

export class PropertiesPanel {
  /**
   * `container` holds the panel; `get(name)` is the modeler's service; `select(id)` selects an
   * element on the canvas. The vocabulary (the pick lists) is set once loaded.
   */
  constructor(container, t, get, select) {
    this.container = container;
    this.t = t;
    this.get = get;
    this.select = select;
    this.vocabulary = null;
    this.renderPending = false;
  }

  focus() {
    this.container.focus();
  }

  /** Draws the panel at the next frame (once for any number of changes). */
  scheduleRender() {
    if (this.renderPending) {
      return;
    }
    this.renderPending = true;
    requestAnimationFrame(() => {
      this.renderPending = false;
      this.render();
    });
  }

  /** The selected element, or the root (the process) when none or several are selected. */
  current() {
    const selected = this.get('selection').get();
    if (selected.length === 1) {
      return selected[0];
    }
    return this.get('canvas').getRootElement();
  }

  render() {
    if (!this.vocabulary) {
      return;
    }
    const active = document.activeElement;
    const focused = active && this.container.contains(active) ? active.id : null;
    const element = this.current();
    this.container.textContent = '';
    this.container.append(this.elementPicker(element));
    if (element) {
      this.container.append(...this.fields(element));
    }
    if (focused) {
      const again = document.getElementById(focused);
      if (again) again.focus();
    }
  }

  /** A list of every element by name, to select one without the mouse. */
  elementPicker(current) {
    const t = this.t;
    const listed = (e) =>
      !e.labelTarget &&
      e.type !== 'label' &&
      getBusinessObject(e) &&
      !is(e, 'bpmn:Process') &&
      !is(e, 'bpmn:Collaboration') &&
      e.type !== 'root' &&
      !/_plane$/.test(e.id);
    const options = this.get('elementRegistry')
      .filter(listed)
      .map((e) => {
        const bo = getBusinessObject(e);
        return { id: e.id, label: (bo.name ? bo.name + ' · ' : '') + kindName(e, t) + ' (' + e.id + ')' };
      })
      .sort((a, b) => a.label.localeCompare(b.label, 'zh'));
    const onchange = (ev) => (ev.target.value ? this.select(ev.target.value) : this.get('selection').select(null));
    const select = el(
      'select',
      { id: 'cf-pick-element', onchange },
      el('option', { value: '', text: t('panel.process') }),
      options.map((o) => el('option', { value: o.id, text: o.label, selected: current && current.id === o.id }))
    );
    return el('div', { class: 'field cf-pick' }, el('label', { for: 'cf-pick-element', text: t('panel.element') }), select);
  }

  /** The fields of an element by its kind. */
  fields(element) {
    const v = this.vocabulary;
    const bo = getBusinessObject(element);
    const out = [el('h2', { class: 'cf-panel-title', text: kindName(element, this.t) })];
    if (is(element, 'bpmn:Process') || is(element, 'bpmn:Collaboration')) {
      return out.concat(processFields(this, element));
    }
    out.push(el('p', { class: 'muted mono', text: element.id }));
    if (!is(element, 'bpmn:TextAnnotation')) {
      out.push(nameField(this, element));
    }
    if (is(element, 'bpmn:UserTask')) {
      out.push(...userTaskFields(this, element, bo));
    } else if (is(element, 'bpmn:ServiceTask')) {
      out.push(this.choiceField(element, 'delegate', 'camunda:delegateExpression', bo.get('camunda:delegateExpression'), v.delegates));
    } else if (is(element, 'bpmn:BusinessRuleTask')) {
      out.push(this.choiceField(element, 'decision', 'camunda:decisionRef', bo.get('camunda:decisionRef'), v.decisions));
    } else if (is(element, 'bpmn:CallActivity')) {
      out.push(this.choiceField(element, 'calledElement', 'calledElement', bo.calledElement, v.processes));
    } else if (is(element, 'bpmn:SequenceFlow')) {
      out.push(...flowFields(this, element, bo));
    } else if (is(element, 'bpmn:Gateway')) {
      out.push(el('p', { class: 'hint', text: this.t('panel.gatewayHint') }));
    } else if (is(element, 'bpmn:Task') && !is(element, 'bpmn:SubProcess')) {
      out.push(el('p', { class: 'hint', text: this.t('panel.taskHint') }));
    }
    if (isTimer(element)) {
      out.push(...timerFields(this, element, bo, bo.eventDefinitions.find((d) => is(d, TIMER))));
    }
    return out;
  }

  // --- the building blocks of the fields -----------------------------------------------------

  /** A labelled control with an optional hint below it. */
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

  /** A required choice of the vocabulary written into `property`. */
  choiceField(element, name, property, current, choices) {
    const id = 'cf-' + name;
    const select = this.selectBox(id, choices, current, 'panel.choose');
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
}
