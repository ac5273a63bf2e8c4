/*
 * The side panel's fields of a sequence flow: whether it is its gateway's default flow, and its
 * condition built from a known variable, an operator and a value. What is written and read back
 * is conditions.mjs's.
 */
import { getBusinessObject, is } from 'bpmn-js/lib/util/ModelUtil';
import { el } from './editor-common.mjs';
import { conditionText, operatorsFor, readCondition } from './conditions.mjs';

function defaultField(panel, element, bo, source, isDefault) {
  const box = el('input', { type: 'checkbox', id: 'cf-default', checked: isDefault });
  box.addEventListener('change', () => {
    if (box.checked) {
      panel.update(element, { conditionExpression: undefined });
      panel.update(source, { default: bo });
    } else {
      panel.update(source, { default: undefined });
    }
  });
  return el(
    'div',
    { class: 'field' },
    el('label', { class: 'option', for: 'cf-default' }, box, ' ' + panel.t('condition.default'))
  );
}

/** Writes the condition the form shows (removes it when no variable is chosen). */
function applyCondition(panel, element, bo, form) {
  const x = panel.vocabulary.variables.find((y) => y.name === form.variable.value);
  const op = form.opField.querySelector('select');
  const val = form.valueField.querySelector('select, input');
  const text = conditionText(x, op ? op.value : '', val ? val.value : '');
  if (!form.variable.value) {
    if (bo.conditionExpression) {
      panel.update(element, { conditionExpression: undefined });
    }
    return;
  }
  if (!text) {
    return;
  }
  const before = bo.conditionExpression && bo.conditionExpression.body;
  if (before !== text) {
    panel.update(element, {
      conditionExpression: panel.get('bpmnFactory').create('bpmn:FormalExpression', { body: text }),
    });
  }
}

/** The operator and value controls for variable `x`, preset from the condition `preset`. */
function operandControls(panel, form, x, preset, apply) {
  const t = panel.t;
  form.opField.textContent = '';
  form.valueField.textContent = '';
  if (!x) {
    return;
  }
  const ops = operatorsFor(x.type);
  const op = panel.selectBox(
    'cf-cond-op',
    ops.map((o) => ({ value: o, label: t('condition.op.' + x.type + '.' + o) })),
    preset ? preset.op : ops[0],
    null
  );
  op.addEventListener('change', apply);
  form.opField.append(el('label', { for: 'cf-cond-op', text: t('condition.operator') }), op);
  let val = null;
  if (x.type === 'enum') {
    val = panel.selectBox('cf-cond-value', x.values, preset ? preset.value : '', 'panel.choose');
  } else if (x.type === 'number') {
    val = el('input', { type: 'number', id: 'cf-cond-value', step: 1, value: preset ? preset.value : '' });
  }
  if (val) {
    val.addEventListener('change', apply);
    form.valueField.append(el('label', { for: 'cf-cond-value', text: t('condition.value') }), val);
  }
}

/** The fields of a sequence flow `element` (business object `bo`). */
export function flowFields(panel, element, bo) {
  const t = panel.t;
  const out = [];
  const source = element.source;
  const fromGateway = source && (is(source, 'bpmn:ExclusiveGateway') || is(source, 'bpmn:InclusiveGateway'));
  const current = readCondition(bo.conditionExpression);
  if (!fromGateway && !current) {
    out.push(el('p', { class: 'hint', text: t('condition.notFromGateway') }));
    return out;
  }
  out.push(el('h3', { class: 'cf-panel-sub', text: t('condition.title') }));
  if (fromGateway) {
    const isDefault = getBusinessObject(source).default === bo;
    out.push(defaultField(panel, element, bo, source, isDefault));
    if (isDefault) {
      return out;
    }
  }
  const variables = panel.vocabulary.variables;
  const chosen = current && current.variable ? variables.find((x) => x.name === current.variable) : null;
  const form = {
    variable: panel.selectBox(
      'cf-cond-var',
      variables.map((x) => ({ value: x.name, label: x.label })),
      chosen ? chosen.name : '',
      'condition.none'
    ),
    opField: el('div', { class: 'field' }),
    valueField: el('div', { class: 'field' }),
  };
  out.push(panel.field('cf-cond-var', 'condition.variable', form.variable), form.opField, form.valueField);
  const apply = () => applyCondition(panel, element, bo, form);
  operandControls(panel, form, chosen, current, apply);
  form.variable.addEventListener('change', () => {
    operandControls(panel, form, variables.find((y) => y.name === form.variable.value), null, apply);
    apply();
  });
  if (current && current.other) {
    out.push(el('p', { class: 'hint' }, t('condition.other') + ' ', el('code', { text: current.other })));
  } else if (current && current.variable && !chosen) {
    out.push(el('p', { class: 'hint' }, t('condition.unknownVariable', current.variable)));
  }
  return out;
}
