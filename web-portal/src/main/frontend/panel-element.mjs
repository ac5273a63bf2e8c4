/*
 * The side panel's fields of the process itself and of a user task, and every element's name.
 * The choices are the vocabulary's (task keys, candidate groups, assignees, due-date rules), so
 * what the admin picks passes the server's checks.
 */
import { getBusinessObject, is } from 'bpmn-js/lib/util/ModelUtil';
import { el } from './editor-common.mjs';

/** The element's name (its label); Enter applies it. */
export function nameField(panel, element) {
  const bo = getBusinessObject(element);
  const input = el('input', { type: 'text', id: 'cf-name', value: bo.name || '', maxlength: 200 });
  input.addEventListener('change', () => {
    const value = input.value.trim();
    if ((bo.name || '') !== value) {
      panel.get('modeling').updateLabel(element, value || null);
    }
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      input.dispatchEvent(new Event('change'));
    }
  });
  return panel.field('cf-name', 'panel.name', input);
}

/** The process's id, name and history time to live (at least 180 days). */
export function processFields(panel, element) {
  const bo = getBusinessObject(element);
  const process = is(bo, 'bpmn:Process') ? bo : bo.participants && bo.participants[0] && bo.participants[0].processRef;
  if (!process) {
    return [];
  }
  const modeling = panel.get('modeling');
  const name = el('input', { type: 'text', id: 'cf-process-name', value: process.name || '', maxlength: 200 });
  name.addEventListener('change', () => {
    const value = name.value.trim();
    if (is(bo, 'bpmn:Process')) {
      panel.update(element, { name: value || undefined });
    } else {
      modeling.updateModdleProperties(element, process, { name: value || undefined });
    }
  });
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
    modeling.updateModdleProperties(element, process, { 'camunda:historyTimeToLive': String(n) });
  });
  return [
    el('p', { class: 'muted mono', text: process.id }),
    panel.field('cf-process-name', 'panel.processName', name),
    panel.field('cf-ttl', 'panel.historyTimeToLive', ttl, 'panel.historyTimeToLiveHint'),
    el('p', { class: 'hint', text: panel.t('panel.processHint') }),
  ];
}

/** The form: the task key; built-in tasks use their id as the key. */
function formField(panel, element, bo) {
  const taskKeys = panel.vocabulary.taskKeys;
  const formKey = bo.get('camunda:formKey');
  const byId = taskKeys.find((k) => k.value === element.id);
  const form = panel.selectBox('cf-form', taskKeys, formKey, byId ? null : 'panel.choose');
  if (byId) {
    form.prepend(el('option', { value: '', text: panel.t('panel.formById', byId.label), selected: !formKey }));
  }
  form.addEventListener('change', () => panel.update(element, { 'camunda:formKey': form.value || undefined }));
  return panel.field('cf-form', 'panel.form', form, 'panel.formHint');
}

/** Candidate groups: our departments and roles, plus any the model names that we do not know. */
function groupsField(panel, element, bo) {
  const current = (bo.get('camunda:candidateGroups') || '')
    .split(',')
    .map((g) => g.trim())
    .filter(Boolean);
  const choices = panel.vocabulary.candidateGroups.slice();
  current
    .filter((g) => !choices.some((c) => c.value === g))
    .forEach((g) => choices.push({ value: g, label: panel.t('panel.unknownValue', g) }));
  const boxes = el('div', { class: 'cf-checks', id: 'cf-groups', role: 'group', 'aria-labelledby': 'cf-groups-label' });
  choices.forEach((c, i) => {
    const box = el('input', { type: 'checkbox', id: 'cf-group-' + i, value: c.value, checked: current.includes(c.value) });
    box.addEventListener('change', () => {
      const picked = Array.from(boxes.querySelectorAll('input:checked')).map((b) => b.value);
      panel.update(element, { 'camunda:candidateGroups': picked.length ? picked.join(',') : undefined });
    });
    boxes.append(el('label', { class: 'option', for: 'cf-group-' + i }, box, ' ' + c.label));
  });
  return el(
    'div',
    { class: 'field' },
    el('span', { class: 'field-label', id: 'cf-groups-label', text: panel.t('panel.candidateGroups') }),
    boxes
  );
}

/** Due date: the allowlisted rules; the empty rule = by the task's kind. */
function dueField(panel, element, bo) {
  const dueDateRules = panel.vocabulary.dueDateRules;
  const rules = dueDateRules.filter((r) => r.value !== '');
  const empty = dueDateRules.find((r) => r.value === '');
  const due = panel.selectBox('cf-due', rules, bo.get('camunda:dueDate'), null);
  due.prepend(
    el('option', { value: '', text: empty ? empty.label : panel.t('panel.none'), selected: !bo.get('camunda:dueDate') })
  );
  due.addEventListener('change', () => panel.update(element, { 'camunda:dueDate': due.value || undefined }));
  return panel.field('cf-due', 'panel.dueDate', due);
}

/** A user task's form, candidate groups, assignee (only the known user variables) and due date. */
export function userTaskFields(panel, element, bo) {
  const assignee = panel.selectBox('cf-assignee', panel.vocabulary.assignees, bo.get('camunda:assignee'), 'panel.none');
  assignee.addEventListener('change', () =>
    panel.update(element, { 'camunda:assignee': assignee.value || undefined })
  );
  return [
    formField(panel, element, bo),
    groupsField(panel, element, bo),
    panel.field('cf-assignee', 'panel.assignee', assignee),
    dueField(panel, element, bo),
  ];
}
