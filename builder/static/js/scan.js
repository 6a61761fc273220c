// The scan: one area per step, answers saved on every change.
import { bank, ui } from './bank.js';
import { $, $$, fmt } from './dom.js';
import { load, save, settle, onChange } from './store.js';

export function initScan() {
  const form = $('#scan'), steps = $$('.step', form), total = steps.length;
  if (!form || !total) return;
  const state = load(bank);
  const notice = settle(bank, state, ui);
  if (notice) $('[data-status]').textContent = notice;
  // Set every radio, checked or not: a browser may restore the previous respondent's choices.
  const showSaved = () => {
    for (const r of $$('input[type=radio]', form)) r.checked = state.answers[r.name] === r.value;
    for (const t of $$('[data-note]', form)) t.value = state.notes[t.dataset.note] || '';
  };
  showSaved();
  onChange(bank, () => {
    const fresh = load(bank);
    for (const k of ['answers', 'notes', 'targets', 'name']) {
      if (fresh[k] === undefined) delete state[k];
      else state[k] = fresh[k];
    }
    showSaved();
  });

  form.addEventListener('change', (e) => {
    const t = e.target;
    if (t.type === 'radio' && t.checked) { state.answers[t.name] = t.value; save(bank, state); }
  });
  form.addEventListener('input', (e) => {
    const t = e.target;
    if (t.dataset.note) {
      if (t.value.trim()) state.notes[t.dataset.note] = t.value;
      else delete state.notes[t.dataset.note];
      save(bank, state);
    }
  });
  form.addEventListener('submit', (e) => e.preventDefault());

  const nav = $('[data-step-nav]'), back = $('[data-back]', nav), next = $('[data-next]', nav), finish = $('[data-finish]', nav);
  const label = $('#progress-label'), fill = $('.progress-fill');
  let cur = 0;
  function show(i, focus) {
    cur = i;
    steps.forEach((s, j) => { s.hidden = j !== i; });
    back.hidden = i === 0;
    next.hidden = i === total - 1;
    finish.hidden = i !== total - 1;
    label.textContent = fmt(ui['scan.area_of'], { n: i + 1, total }) + ': ' + $('h2', steps[i]).textContent;
    fill.style.width = ((i + 1) / total) * 100 + '%';
    // The language links keep the step (the page's own URL stays as it is: changing it
    // makes Chromium fetch the icon again).
    for (const a of $$('[data-lang-link]')) a.hash = steps[i].id;
    if (focus) {
      $('h2', steps[i]).focus();
      document.dispatchEvent(new Event('koers:step'));
    }
  }
  back.addEventListener('click', () => cur > 0 && show(cur - 1, true));
  next.addEventListener('click', () => cur < total - 1 && show(cur + 1, true));
  window.addEventListener('hashchange', () => {
    const i = steps.findIndex((s) => '#' + s.id === location.hash);
    if (i >= 0 && i !== cur) show(i, true);
  });
  nav.hidden = false;
  const start = steps.findIndex((s) => '#' + s.id === location.hash);
  show(Math.max(start, 0), false);
  // Print every step, with the "why" texts open; restore afterwards.
  let closed = [];
  window.addEventListener('beforeprint', () => {
    closed = $$('details:not([open])', form);
    for (const d of closed) d.open = true;
  });
  window.addEventListener('afterprint', () => { for (const d of closed) d.open = false; });
  const print = $('[data-print]');
  if (print) { print.hidden = false; print.addEventListener('click', () => window.print()); }
}
