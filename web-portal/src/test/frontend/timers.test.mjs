// Timers read from and written to a model as the process editor's panel shows them (timers.mjs).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readTimer, sameTimer, timerAmount, TIMER_KINDS, writeTimer } from '../../main/frontend/timers.mjs';

const expr = (body) => ({ body });

describe('readTimer', () => {
  it('reads durations in days, hours and months', () => {
    assert.deepEqual(readTimer({ timeDuration: expr('P5D') }), { kind: 'days', amount: 5 });
    assert.deepEqual(readTimer({ timeDuration: expr('PT2H') }), { kind: 'hours', amount: 2 });
    assert.deepEqual(readTimer({ timeDuration: expr('P3M') }), { kind: 'months', amount: 3 });
    assert.deepEqual(readTimer({ timeDuration: expr('  P12D\n') }), { kind: 'days', amount: 12 });
  });

  it('keeps durations the panel cannot edit as they are', () => {
    assert.deepEqual(readTimer({ timeDuration: expr('P1DT2H') }), { kind: 'other', text: 'P1DT2H' });
    assert.deepEqual(readTimer({ timeDuration: expr('PT30M') }), { kind: 'other', text: 'PT30M' });
    assert.deepEqual(readTimer({ timeDuration: expr('P1Y') }), { kind: 'other', text: 'P1Y' });
    assert.deepEqual(readTimer({ timeDuration: expr('${reminder}') }), { kind: 'other', text: '${reminder}' });
  });

  it('reads working days of the holiday calendar and dates the process computed', () => {
    assert.deepEqual(readTimer({ timeDate: expr('${dueRules.workingDays(10)}') }), {
      kind: 'workingDays',
      amount: 10,
    });
    assert.deepEqual(readTimer({ timeDate: expr('${ dueRules.workingDays( 3 ) }') }), {
      kind: 'workingDays',
      amount: 3,
    });
    assert.deepEqual(readTimer({ timeDate: expr('${dueDate}') }), { kind: 'date', variable: '${dueDate}' });
    assert.deepEqual(readTimer({ timeDate: expr('${ reminder1At }') }), {
      kind: 'date',
      variable: '${reminder1At}',
    });
  });

  it('keeps fixed dates and cycles as they are', () => {
    assert.deepEqual(readTimer({ timeDate: expr('2026-12-31T09:00:00') }), {
      kind: 'other',
      text: '2026-12-31T09:00:00',
    });
    assert.deepEqual(readTimer({ timeCycle: expr('R3/PT1H') }), { kind: 'other', text: 'R3/PT1H' });
  });

  it('prefers the duration when a model holds both', () => {
    assert.deepEqual(readTimer({ timeDuration: expr('P2D'), timeDate: expr('${dueDate}') }), {
      kind: 'days',
      amount: 2,
    });
  });

  it('reads no timer from nothing', () => {
    assert.deepEqual(readTimer(null), { kind: '' });
    assert.deepEqual(readTimer({}), { kind: '' });
    assert.deepEqual(readTimer({ timeDuration: expr('   ') }), { kind: '' });
    assert.deepEqual(readTimer({ timeDuration: {} }), { kind: '' });
  });
});

describe('writeTimer', () => {
  it('writes ISO-8601 durations', () => {
    assert.deepEqual(writeTimer('days', '5'), { timeDuration: 'P5D' });
    assert.deepEqual(writeTimer('hours', 2), { timeDuration: 'PT2H' });
    assert.deepEqual(writeTimer('months', '3'), { timeDuration: 'P3M' });
  });

  it('writes working days and dates as expressions', () => {
    assert.deepEqual(writeTimer('workingDays', '10'), { timeDate: '${dueRules.workingDays(10)}' });
    assert.deepEqual(writeTimer('date', '', '${dueDate}'), { timeDate: '${dueDate}' });
  });

  it('writes nothing for an incomplete form', () => {
    assert.equal(writeTimer('', '5'), null);
    assert.equal(writeTimer('date', '5', ''), null);
    assert.equal(writeTimer('cycle', '5'), null);
  });

  it('writes whole amounts of at least one', () => {
    assert.deepEqual(writeTimer('days', ''), { timeDuration: 'P1D' });
    assert.deepEqual(writeTimer('days', '0'), { timeDuration: 'P1D' });
    assert.deepEqual(writeTimer('days', '-4'), { timeDuration: 'P1D' });
    assert.deepEqual(writeTimer('hours', '2.7'), { timeDuration: 'PT2H' });
    assert.deepEqual(writeTimer('months', 'abc'), { timeDuration: 'P1M' });
    assert.equal(timerAmount('12'), 12);
  });

  it('writes what it reads back, for every kind the panel offers', () => {
    for (const kind of TIMER_KINDS) {
      const written = writeTimer(kind, '7', '${dueDate}');
      const def = Object.fromEntries(Object.entries(written).map(([k, v]) => [k, expr(v)]));
      const read = readTimer(def);
      assert.equal(read.kind, kind);
      assert.equal(kind === 'date' ? read.variable : read.amount, kind === 'date' ? '${dueDate}' : 7);
    }
  });
});

describe('sameTimer', () => {
  it('tells a change from a rewrite of the same value', () => {
    assert.equal(sameTimer({ timeDuration: expr('PT2H') }, { timeDuration: 'PT2H' }), true);
    assert.equal(sameTimer({ timeDate: expr('${ dueRules.workingDays(3) }') }, writeTimer('workingDays', 3)), true);
    assert.equal(sameTimer({ timeDuration: expr('PT2H') }, { timeDuration: 'PT3H' }), false);
    assert.equal(sameTimer({ timeDuration: expr('P2D') }, { timeDuration: 'P2M' }), false);
    assert.equal(sameTimer(null, { timeDuration: 'P1D' }), false);
  });
});
