/*
 * The side panel's fields of a timer event: the kind (working days, days, hours, months, a date
 * the process computed) and its amount or date; for a boundary timer, whether it interrupts. What
 * is written and read back is timers.mjs's.
 */
import { is } from 'bpmn-js/lib/util/ModelUtil';
import { el } from './editor-common.mjs';
import { readTimer, sameTimer, TIMER_KINDS, writeTimer } from './timers.mjs';

/** Writes the form's timer into the definition (one command, so undo covers it). */
function writeInto(panel, element, def, written) {
  if (sameTimer(def, written)) {
    return;
  }
  const bpmnFactory = panel.get('bpmnFactory');
  const props = { timeDate: undefined, timeDuration: undefined, timeCycle: undefined };
  Object.entries(written).forEach(([k, body]) => {
    props[k] = bpmnFactory.create('bpmn:FormalExpression', { body });
  });
  panel.get('modeling').updateModdleProperties(element, def, props);
}

function interruptingField(panel, element, bo) {
  const box = el('input', { type: 'checkbox', id: 'cf-interrupting', checked: bo.cancelActivity !== false });
  box.addEventListener('change', () => panel.update(element, { cancelActivity: box.checked }));
  return el(
    'div',
    { class: 'field' },
    el('label', { class: 'option', for: 'cf-interrupting' }, box, ' ' + panel.t('timer.interrupting'))
  );
}

/** The fields of the timer definition `def` of `element` (business object `bo`). */
export function timerFields(panel, element, bo, def) {
  const t = panel.t;
  const value = readTimer(def);
  const shown = value.kind === 'other' ? '' : value.kind;
  const out = [el('h3', { class: 'cf-panel-sub', text: t('timer.title') })];
  const kinds = TIMER_KINDS.map((k) => ({ value: k, label: t('timer.kind.' + k) }));
  const kind = panel.selectBox('cf-timer-kind', kinds, shown, 'panel.choose');
  out.push(panel.field('cf-timer-kind', 'timer.kind', kind));
  const amount = el('input', { type: 'number', id: 'cf-timer-amount', min: 1, max: 999, step: 1, value: value.amount || '' });
  const amountField = panel.field('cf-timer-amount', 'timer.amount', amount);
  const variable = panel.selectBox('cf-timer-date', panel.vocabulary.timerDates, value.variable, 'panel.choose');
  const dateField = panel.field('cf-timer-date', 'timer.date', variable);
  const showFor = (k) => {
    amountField.hidden = !k || k === 'date';
    dateField.hidden = k !== 'date';
  };
  showFor(shown);
  const write = () => {
    showFor(kind.value);
    const written = writeTimer(kind.value, amount.value, variable.value);
    if (!written) {
      return;
    }
    if (kind.value !== 'date' && !amount.value) {
      amount.value = '1';
    }
    writeInto(panel, element, def, written);
  };
  kind.addEventListener('change', write);
  amount.addEventListener('change', write);
  variable.addEventListener('change', write);
  out.push(amountField, dateField);
  if (value.kind === 'other') {
    out.push(el('p', { class: 'hint' }, t('timer.other') + ' ', el('code', { text: value.text })));
  }
  if (is(element, 'bpmn:BoundaryEvent')) {
    out.push(interruptingField(panel, element, bo));
  }
  return out;
}
