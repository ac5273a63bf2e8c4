/*
 * Timers as the side panel shows them and as a model holds them — pure functions, no DOM, no
 * bpmn-js (unit tests: src/test/frontend/timers.test.mjs). What the panel writes:
 *   workingDays n → timeDate ${dueRules.workingDays(n)} (the holiday calendar's working days)
 *   days n → timeDuration PnD · hours n → timeDuration PTnH · months n → timeDuration PnM
 *   date v → timeDate ${v} (a date the process computed, e.g. the due date)
 * Anything else a model holds (a cycle, another duration or date) is shown as it is and kept.
 */

/** The kinds of timer the panel offers, in the order it lists them. */
export const TIMER_KINDS = ['workingDays', 'days', 'hours', 'months', 'date'];

const WORKING_DAYS = /^\$\{\s*dueRules\.workingDays\(\s*(\d+)\s*\)\s*\}$/;
const VARIABLE = /^\$\{\s*(\w+)\s*\}$/;
const DURATIONS = [
  ['days', /^P(\d+)D$/],
  ['hours', /^PT(\d+)H$/],
  ['months', /^P(\d+)M$/],
];

function body(expression) {
  return expression && typeof expression.body === 'string' ? expression.body.trim() : '';
}

/**
 * A timer definition's value as the panel shows it: {kind, amount}, {kind: 'date', variable},
 * {kind: 'other', text} or {kind: ''} (none). `def` holds timeDate / timeDuration / timeCycle,
 * each an expression with a `body`.
 */
export function readTimer(def) {
  if (!def) {
    return { kind: '' };
  }
  const date = body(def.timeDate);
  const duration = body(def.timeDuration);
  const cycle = body(def.timeCycle);
  if (duration) {
    for (const [kind, pattern] of DURATIONS) {
      const m = pattern.exec(duration);
      if (m) {
        return { kind, amount: Number(m[1]) };
      }
    }
    return { kind: 'other', text: duration };
  }
  if (date) {
    let m = WORKING_DAYS.exec(date);
    if (m) {
      return { kind: 'workingDays', amount: Number(m[1]) };
    }
    m = VARIABLE.exec(date);
    if (m) {
      return { kind: 'date', variable: '${' + m[1] + '}' };
    }
    return { kind: 'other', text: date };
  }
  if (cycle) {
    return { kind: 'other', text: cycle };
  }
  return { kind: '' };
}

/** The amount the panel writes: a whole number of at least 1 (1 when not a number). */
export function timerAmount(amount) {
  return Math.max(1, Math.floor(Number(amount) || 1));
}

/**
 * What the panel writes for a kind, an amount and a date variable: {timeDate: text} or
 * {timeDuration: text}; null when incomplete (no kind, or a date without its variable).
 */
export function writeTimer(kind, amount, variable) {
  const n = timerAmount(amount);
  switch (kind) {
    case 'workingDays':
      return { timeDate: '${dueRules.workingDays(' + n + ')}' };
    case 'days':
      return { timeDuration: 'P' + n + 'D' };
    case 'hours':
      return { timeDuration: 'PT' + n + 'H' };
    case 'months':
      return { timeDuration: 'P' + n + 'M' };
    case 'date':
      return variable ? { timeDate: variable } : null;
    default:
      return null;
  }
}

/** Whether a definition already means what `written` (from writeTimer) says. */
export function sameTimer(def, written) {
  const asDefinition = {};
  Object.entries(written || {}).forEach(([k, text]) => {
    asDefinition[k] = { body: text };
  });
  return JSON.stringify(readTimer(def)) === JSON.stringify(readTimer(asDefinition));
}
