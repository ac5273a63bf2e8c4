// Conditions of sequence flows read from and written to a model as the panel shows them
// (conditions.mjs), in the forms the server's SafeExpressions accepts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { conditionText, operatorsFor, readCondition } from '../../main/frontend/conditions.mjs';

const expr = (body) => ({ body });
const accepted = { name: 'accepted', type: 'boolean', values: [] };
const count = { name: 'rehandlingCount', type: 'number', values: [] };
const kind = {
  name: 'kind',
  type: 'enum',
  values: [{ value: 'suggestion' }, { value: 'proposal' }],
};

describe('readCondition', () => {
  it('reads enum comparisons, in symbols and in words', () => {
    assert.deepEqual(readCondition(expr("${kind == 'proposal'}")), { variable: 'kind', op: '==', value: 'proposal' });
    assert.deepEqual(readCondition(expr("${ kind != 'suggestion' }")), {
      variable: 'kind',
      op: '!=',
      value: 'suggestion',
    });
    assert.deepEqual(readCondition(expr("${kind eq 'proposal'}")), { variable: 'kind', op: '==', value: 'proposal' });
    assert.deepEqual(readCondition(expr("${kind ne 'proposal'}")), { variable: 'kind', op: '!=', value: 'proposal' });
    assert.deepEqual(readCondition(expr("${kind == ''}")), { variable: 'kind', op: '==', value: '' });
  });

  it('reads boolean variables and their negation', () => {
    assert.deepEqual(readCondition(expr('${accepted}')), { variable: 'accepted', op: 'true', value: '' });
    assert.deepEqual(readCondition(expr('${not accepted}')), { variable: 'accepted', op: 'false', value: '' });
    assert.deepEqual(readCondition(expr('${!accepted}')), { variable: 'accepted', op: 'false', value: '' });
    assert.deepEqual(readCondition(expr('${ ! accepted }')), { variable: 'accepted', op: 'false', value: '' });
  });

  it('reads number comparisons', () => {
    assert.deepEqual(readCondition(expr('${rehandlingCount >= 2}')), {
      variable: 'rehandlingCount',
      op: '>=',
      value: '2',
    });
    assert.deepEqual(readCondition(expr('${rehandlingCount<-1}')), {
      variable: 'rehandlingCount',
      op: '<',
      value: '-1',
    });
    assert.deepEqual(readCondition(expr('${rehandlingCount == 0}')), {
      variable: 'rehandlingCount',
      op: '==',
      value: '0',
    });
  });

  it('keeps what the panel cannot edit as it is', () => {
    assert.deepEqual(readCondition(expr('${true}')), { other: '${true}' });
    assert.deepEqual(readCondition(expr('${a && b}')), { other: '${a && b}' });
    assert.deepEqual(readCondition(expr('${count > 1.5}')), { other: '${count > 1.5}' });
    assert.deepEqual(readCondition(expr('#{accepted}')), { other: '#{accepted}' });
    assert.deepEqual(readCondition(expr(' ${kind == "proposal"} ')), { other: '${kind == "proposal"}' });
  });

  it('reads no condition from nothing', () => {
    assert.equal(readCondition(undefined), null);
    assert.equal(readCondition(expr('')), null);
    assert.equal(readCondition(expr('  ')), null);
    assert.equal(readCondition({}), null);
  });
});

describe('conditionText', () => {
  it('writes boolean conditions', () => {
    assert.equal(conditionText(accepted, 'true', ''), '${accepted}');
    assert.equal(conditionText(accepted, 'false', ''), '${not accepted}');
  });

  it('writes number comparisons with whole numbers only', () => {
    assert.equal(conditionText(count, '>=', '2'), '${rehandlingCount >= 2}');
    assert.equal(conditionText(count, '<', ' -1 '), '${rehandlingCount < -1}');
    assert.equal(conditionText(count, '>=', ''), null);
    assert.equal(conditionText(count, '>=', '1.5'), null);
    assert.equal(conditionText(count, '=', '2'), null);
  });

  it("writes enum comparisons with the variable's values only", () => {
    assert.equal(conditionText(kind, '==', 'proposal'), "${kind == 'proposal'}");
    assert.equal(conditionText(kind, '!=', 'suggestion'), "${kind != 'suggestion'}");
    assert.equal(conditionText(kind, '==', 'other'), null);
    assert.equal(conditionText(kind, '<', 'proposal'), null);
  });

  it('writes nothing without a variable', () => {
    assert.equal(conditionText(null, '==', 'x'), null);
    assert.equal(conditionText(undefined, 'true', ''), null);
  });

  it('reads back what it writes', () => {
    const cases = [
      [accepted, 'true', ''],
      [accepted, 'false', ''],
      [count, '>', '3'],
      [kind, '!=', 'proposal'],
    ];
    for (const [variable, op, value] of cases) {
      assert.deepEqual(readCondition(expr(conditionText(variable, op, value))), { variable: variable.name, op, value });
    }
  });
});

describe('operatorsFor', () => {
  it('offers the operators of each type', () => {
    assert.deepEqual(operatorsFor('boolean'), ['true', 'false']);
    assert.deepEqual(operatorsFor('number'), ['==', '!=', '<', '<=', '>', '>=']);
    assert.deepEqual(operatorsFor('enum'), ['==', '!=']);
  });
});
