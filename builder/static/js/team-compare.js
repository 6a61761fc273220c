// Then versus now: an earlier result against this browser's answers or another result.
import { bank, ui } from './bank.js';
import { $, $$, h } from './dom.js';
import { itemText } from './result.js';
import { load } from './store.js';
import { compare } from './compare.js';
import { fromLine, fromFile } from './team-input.js';
import { T, names, say, reasonText, staleNote } from './team-ui.js';
import { levelText, number } from './verdict.js';

export function initCompare() {
  const status = $('[data-compare-status]'), out = $('[data-compare]'), otherBox = $('[data-now-other]');
  const picked = { then: null, now: null };

  const label = (snap) => [snap.name, snap.created].filter(Boolean).join(', ');
  function saved() {
    const s = load(bank);
    return Object.keys(s.answers).length ? { name: '', answers: s.answers, ids: bank.criteria.map((c) => c.id), route: null, rescored: false,
      targets: s.targets, bank: bank.bank, version: bank.version } : null;
  }
  const useSaved = () => $('[data-now]:checked').value === 'saved';

  // One loader: a link field with its button, and a file input. Returns the link reader.
  function loader(which, name) {
    const field = $('[data-' + which + '-link]'), file = $('[data-' + which + '-file]');
    const take = (got, source) => {
      if (!got.snap) return say(status, T('failed', { which: name, source, reason: reasonText(got) }));
      picked[which] = got.snap;
      const note = staleNote(label(got.snap) || name, got.snap);
      say(status, T('loaded', { which: name, label: label(got.snap) || source }) + (note ? ' ' + note : ''));
      render();
    };
    const read = async () => take(await fromLine(bank, field.value), T(which + '_link'));
    $('[data-' + which + '-load]').addEventListener('click', () => {
      if (!field.value.trim()) { say(status, T('nothing')); field.focus(); return; }
      read();
    });
    file.addEventListener('change', async () => {
      const f = file.files[0];
      if (f) take(await fromFile(bank, f), f.name);
      file.value = '';
    });
    return (code) => { field.value = '#r=' + code; return read(); };
  }
  const readThen = loader('then', T('col_then')), readNow = loader('now', T('col_now'));
  for (const r of $$('[data-now]')) r.addEventListener('change', () => { otherBox.hidden = useSaved(); render(); });

  function render() {
    if (!picked.then) return out.replaceChildren();
    const now = useSaved() ? saved() : picked.now;
    if (!now) return out.replaceChildren(useSaved() ? h('p', { class: 'warning' }, T('no_saved')) : '');
    const c = compare(bank, picked.then, now);
    const arrow = (d) => (d === null ? ['–', T('not_comparable')] : d > 0 ? ['↑', T('up', { n: number(bank, d) })]
      : d < 0 ? ['↓', T('down', { n: number(bank, -d) })] : ['=', T('same')]);
    const rows = c.areas.map((a) => {
      const [sign, text] = arrow(a.delta);
      return h('tr', { 'data-area': a.id, 'data-delta': a.delta },
        h('th', { scope: 'row' }, names[a.id]),
        h('td', { 'data-label': T('col_then') }, levelText(bank, ui, a.then)),
        h('td', { 'data-label': T('col_now') }, levelText(bank, ui, a.now)),
        h('td', { 'data-label': T('col_change'), class: 'change' }, h('span', { 'aria-hidden': 'true', class: 'arrow' }, sign), ' ', text));
    });
    const list = (key, items, empty, text) => [h('h3', null, T(key + '_heading') + ' (' + items.length + ')'),
      items.length ? h('ul', { 'data-list': key }, items.map((it) => h('li', { 'data-id': it.id || it.c.id }, text(it)))) : h('p', null, T(empty))];
    const which = (side) => side === 'then' ? T('earlier') : T('later');
    out.replaceChildren(h('div', null,
      h('p', { class: 'meta' }, T('basis')),
      c.rescored ? h('p', { class: 'warning', 'data-rescored': '' }, T('rescored')) : null,
      h('table', { class: 'levels compare-levels' },
        h('caption', null, T('compare_caption')),
        h('thead', null, h('tr', null, ['col_area', 'col_then', 'col_now', 'col_change'].map((k) => h('th', { scope: 'col' }, T(k))))),
        h('tbody', null, rows)),
      list('done', c.done, 'done_none', (it) => itemText(it, ui)),
      list('fresh', c.fresh, 'fresh_none', (it) => [itemText(it, ui), it.added ? h('span', { class: 'meta' }, ' (' + T('new_statement') + ')') : null]),
      c.removed.length ? [h('h3', null, T('removed_heading')), h('ul', { 'data-list': 'removed' }, c.removed.map((r) => h('li', { 'data-id': r.id }, r.text)))] : null,
      c.added.length ? [h('h3', null, T('added_heading')), h('ul', { 'data-list': 'added' }, c.added.map((x) => h('li', { 'data-id': x.id }, x.text)))] : null,
      ['then', 'now'].map((side) => c.unclassified[side].length ? h('p', { class: 'warning', 'data-unclassified': side },
        T('unclassified', { which: which(side).replace(/^./, (ch) => ch.toUpperCase()), n: c.unclassified[side].length, ids: c.unclassified[side].join(', ') })) : null)));
  }
  // Handed over by the results page ("compare the two"): team.html#then=<result>&now=<result>.
  const handed = /^#then=([\w-]+)&now=([\w-]+)$/.exec(location.hash);
  if (handed) {
    history.replaceState(null, '', location.href.split('#')[0]);
    $('[data-now][value=other]').checked = true;
    otherBox.hidden = false;
    readThen(handed[1]).then(() => readNow(handed[2])).then(() => $('#compare-h').focus());
  }
  // Saved answers may change in another tab (the scan); keep "now" current.
  window.addEventListener('storage', () => { if (useSaved()) render(); });
}
