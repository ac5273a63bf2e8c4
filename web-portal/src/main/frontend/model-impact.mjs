/*
 * The dry run of a deployment for the running instances (POST data-impact-url): the problems the
 * server found, the version the instances sit in, and a table of where each sits and whether that
 * place exists in the new version (and where it would be migrated to).
 */
import { el } from './editor-common.mjs';

const COLUMNS = [
  'impact.col.number',
  'impact.col.title',
  'impact.col.department',
  'impact.col.sitsIn',
  'impact.col.exists',
  'impact.col.target',
];

/**
 * Shows the dry run `r` in the result area. `nameOf(id)` names an element of the model shown;
 * `pick(id)` selects the element a problem is about.
 */
export function showImpact(results, t, r, nameOf, pick) {
  const nodes = [];
  if (r.problems && r.problems.length) {
    nodes.push(
      el('p', { class: 'alert error', text: t('check.problems', r.problems.length) }),
      results.problems(r.problems, pick)
    );
  }
  if (r.currentVersion == null) {
    results.info(t('impact.newModel'), ...nodes);
    return;
  }
  const summary = t('impact.summary', r.currentVersion, r.runningInstances, r.nextVersion);
  if (!r.instances.length) {
    results.info(summary, ...nodes, el('p', { text: t('impact.none') }));
    return;
  }
  nodes.push(impactTable(t, r, nameOf));
  if (r.unmapped && r.unmapped.length) {
    nodes.push(
      el('p', {
        class: 'alert error',
        text: t('impact.unmapped', r.unmapped.map((m) => m.sourceName).join('、')),
      })
    );
  }
  if (r.instances.length < r.runningInstances) {
    nodes.push(el('p', { class: 'hint', text: t('impact.listed', r.instances.length) }));
  }
  results.info(summary, ...nodes);
}

/** One row per place an instance sits in (one empty row when it sits nowhere). */
function instanceRows(t, instance, nameOf) {
  const positions = instance.activities.length ? instance.activities : [null];
  return positions.map((p, index) => {
    const first = index === 0;
    const target = p && p.proposedTarget ? nameOf(p.proposedTarget) : t('impact.noTarget');
    return el(
      'tr',
      { class: p && !p.existsInNew ? 'cf-impact-gone' : null },
      el('td', { text: first ? instance.proposalNumber || instance.processInstanceId : null }),
      el('td', { text: first ? instance.title || '' : null }),
      el('td', { text: first ? instance.department || '' : null }),
      el('td', { text: p ? p.activityName : '' }),
      el('td', { text: p ? (p.existsInNew ? t('impact.yes') : t('impact.no')) : '' }),
      el('td', { text: p ? target : '' })
    );
  });
}

function impactTable(t, r, nameOf) {
  const head = el(
    'tr',
    null,
    COLUMNS.map((k) => el('th', { scope: 'col', text: t(k) }))
  );
  return el(
    'table',
    { class: 'list cf-impact' },
    el('caption', { text: t('impact.caption') }),
    el('thead', null, head),
    el('tbody', null, r.instances.flatMap((i) => instanceRows(t, i, nameOf)))
  );
}
