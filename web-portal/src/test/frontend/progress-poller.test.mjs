// The pure part of the progress poller the job islands share (progress-poller.mjs).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { barValues, fillCounts, isFinished } from '../../main/frontend/progress-poller.mjs';

describe('fillCounts', () => {
  const importCounts = ['done', 'total', 'imported', 'skipped', 'failed'];

  it('fills every named placeholder with the job count', () => {
    const job = { done: 3, total: 10, imported: 2, skipped: 1, failed: 0 };
    assert.equal(
      fillCounts('{done}/{total}: {imported} + {skipped} + {failed}', job, importCounts),
      '3/10: 2 + 1 + 0',
    );
  });

  it('writes 0 for a count the job lacks', () => {
    assert.equal(fillCounts('{done} / {total}', { done: 4 }, importCounts), '4 / 0');
  });

  it('leaves placeholders the island does not name as they are', () => {
    const job = { done: 1, total: 2, percent: 50 };
    assert.equal(fillCounts('{percent}% ({done})', job, importCounts), '{percent}% (1)');
    assert.equal(fillCounts('{percent}% ({done})', job, ['done', 'total', 'percent', 'failed']), '50% (1)');
  });
});

describe('barValues', () => {
  it('shows done of total', () => {
    assert.deepEqual(barValues({ done: 3, total: 10 }, false), { max: 10, value: 3 });
    assert.deepEqual(barValues({ done: 3, total: 10 }, true), { max: 10, value: 3 });
  });

  it('never goes past the end', () => {
    assert.deepEqual(barValues({ done: 12, total: 10 }, false), { max: 10, value: 10 });
  });

  it('shows a job with nothing to do empty, or full when asked', () => {
    assert.deepEqual(barValues({ done: 0, total: 0 }, false), { max: 1, value: 0 });
    assert.deepEqual(barValues({ done: 0, total: 0 }, true), { max: 1, value: 1 });
  });
});

describe('isFinished', () => {
  it('is true for done and failed jobs only', () => {
    assert.equal(isFinished('DONE'), true);
    assert.equal(isFinished('FAILED'), true);
    assert.equal(isFinished('RUNNING'), false);
    assert.equal(isFinished('QUEUED'), false);
    assert.equal(isFinished(null), false);
  });
});
