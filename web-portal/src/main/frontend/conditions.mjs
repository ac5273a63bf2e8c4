/*
 * Conditions of sequence flows as the side panel shows them and as a model holds them — pure
 * functions, no DOM, no bpmn-js (unit tests: src/test/frontend/conditions.test.mjs). The panel
 * writes only the forms the server's SafeExpressions accepts:
 *   boolean variable → ${v} or ${not v}
 *   number variable  → ${v op n}, op one of == != < <= > >=, n a whole number
 *   enum variable    → ${v == 'value'} or ${v != 'value'}, the value one of the variable's
 * A variable is one of the vocabulary's: {name, type: 'boolean'|'number'|'enum', values: [{value}]}.
 */

export const ENUM_OPS = ['==', '!='];
export const NUMBER_OPS = ['==', '!=', '<', '<=', '>', '>='];
export const BOOLEAN_OPS = ['true', 'false'];

/** The operators the panel offers for a variable's type. */
export function operatorsFor(type) {
  if (type === 'boolean') {
    return BOOLEAN_OPS;
  }
  return type === 'number' ? NUMBER_OPS : ENUM_OPS;
}

const ENUM = /^\$\{\s*(\w+)\s*(==|!=|eq|ne)\s*'([^']*)'\s*\}$/;
const BOOLEAN = /^\$\{\s*(not\s+|!\s*)?(\w+)\s*\}$/;
const NUMBER = /^\$\{\s*(\w+)\s*(==|!=|<=|>=|<|>)\s*(-?\d+)\s*\}$/;
const WORDS = { eq: '==', ne: '!=' };

/**
 * A condition expression (with a `body`) as the panel shows it: {variable, op, value},
 * {other: text} for what the panel cannot edit, or null (no condition).
 */
export function readCondition(expr) {
  const text = expr && typeof expr.body === 'string' ? expr.body.trim() : '';
  if (!text) {
    return null;
  }
  let m = ENUM.exec(text);
  if (m) {
    return { variable: m[1], op: WORDS[m[2]] || m[2], value: m[3] };
  }
  m = BOOLEAN.exec(text);
  if (m && !/^(true|false)$/.test(m[2])) {
    return { variable: m[2], op: m[1] ? 'false' : 'true', value: '' };
  }
  m = NUMBER.exec(text);
  if (m) {
    return { variable: m[1], op: m[2], value: m[3] };
  }
  return { other: text };
}

/** The expression of a condition on `variable`; null when incomplete or not allowed. */
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
