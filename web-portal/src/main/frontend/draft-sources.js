/*
 * Quoting an earlier reply into the draft (drafting step, similar earlier replies).
 *
 * Each matching passage of a similar reply has a button `.quote-passage` (rendered hidden; shown
 * here) with `data-passage` (the id of the passage's element) and `data-reply` (the publication
 * id). Pressing it inserts the passage's text into the draft (`textarea[name=replyText]`) at the
 * cursor — or at the end when the draft was not yet touched — ticks the reply's "drew from" box
 * (`input[name=drewFrom]`, so the draft records that it drew from that reply), and says so in the
 * panel's status line (`.quote-status`, role=status, text from `data-label-done`). Focus stays on
 * the button, so a keyboard user can quote the next passage.
 *
 * The panel is put beside the form after the page is shown (similar-panel.js): quoting starts when
 * it says so (`civicflow:similar-loaded`), and a draft already typed into counts as touched.
 *
 * No inline script or style (the portal's Content-Security-Policy), no dependencies.
 */
function insert(area, text, touched) {
  const value = area.value;
  const start = touched ? area.selectionStart : value.length;
  const end = touched ? area.selectionEnd : value.length;
  const before = value.slice(0, start);
  const after = value.slice(end);
  const lead = before === '' || before.endsWith('\n') ? '' : '\n';
  const trail = after === '' || after.startsWith('\n') ? '' : '\n';
  const inserted = lead + text + trail;
  area.value = before + inserted + after;
  const caret = before.length + lead.length + text.length;
  area.setSelectionRange(caret, caret);
  area.dispatchEvent(new Event('input', { bubbles: true }));
}

function start() {
  const area = document.querySelector('textarea[name="replyText"]');
  const buttons = document.querySelectorAll('button.quote-passage:not([data-bound])');
  if (!area || buttons.length === 0) {
    return;
  }
  let touched = area.value !== area.defaultValue || document.activeElement === area;
  ['focus', 'click', 'keyup', 'select'].forEach((type) =>
    area.addEventListener(type, () => {
      touched = true;
    }),
  );
  const status = document.querySelector('.quote-status');
  buttons.forEach((button) => {
    button.setAttribute('data-bound', '');
    button.hidden = false;
    button.addEventListener('click', () => {
      const passage = document.getElementById(button.getAttribute('data-passage'));
      if (!passage) {
        return;
      }
      const text = passage.textContent.replace(/\s+/g, ' ').trim();
      insert(area, text, touched);
      touched = true;
      const reply = button.getAttribute('data-reply');
      const box = document.querySelector('input[name="drewFrom"][value="' + reply + '"]');
      if (box && !box.checked) {
        box.checked = true;
        box.dispatchEvent(new Event('change', { bubbles: true }));
      }
      if (status) {
        status.textContent = status.getAttribute('data-label-done') || '';
      }
    });
  });
}

document.addEventListener('civicflow:similar-loaded', start);
if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', start);
} else {
  start();
}
