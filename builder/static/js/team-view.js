// The team view: add members' results (links or JSON files), see levels, medians, spread
// and disagreements per area, and the team route from the team answers, with exports.
import { bank, ui } from './bank.js';
import { $, h } from './dom.js';
import { rules, score } from './scoring.js';
import { standing } from './verdict.js';
import { route, targets } from './route.js';
import { resultObject, today } from './result.js';
import { toMarkdown, toCsv, download } from './exports.js';
import { routeView } from './route-view.js';
import { teamAnswers, areaSummary } from './team.js';
import { fromLine, fromFile } from './team-input.js';
import { T, R, names, levelName, number, say, reasonText, staleNote } from './team-ui.js';

const { first, top } = rules(bank);

export function initTeam() {
  const status = $('[data-team-status]'), list = $('[data-members]'), links = $('[data-team-links]');
  const files = $('[data-team-files]'), drop = $('[data-drop]');
  const members = [], chosen = {};
  let seq = 0, result = null, scores = null, sum = null, answers = null, where = null, intro = null;

  async function addAll(inputs) {
    const done = [], notes = [], failed = [];
    for (const input of inputs) {
      const got = await input.read();
      if (got.snap && members.some((m) => m.snap.key === got.snap.key)) got.reason = 'duplicate';
      if (!got.snap || got.reason) {
        failed.push(input.fail(reasonText(got)));
        continue;
      }
      seq++;
      const taken = members.some((m) => m.label === got.snap.name);
      const label = got.snap.name ? (taken ? got.snap.name + ' (' + seq + ')' : got.snap.name) : T('member', { n: seq });
      members.push({ label, snap: got.snap, source: input.source });
      done.push(label);
      const note = staleNote(label, got.snap);
      if (note) notes.push(note);
    }
    if (done.length) render();
    say(status, [done.length ? T('added', { names: done.join(', ') }) : '', ...notes, ...failed].filter(Boolean).join(' '));
    return failed.length;
  }

  $('[data-team-add]').addEventListener('click', async () => {
    const lines = links.value.split(/\r?\n/).map((text, i) => ({ text: text.trim(), n: i + 1 })).filter((l) => l.text);
    if (!lines.length) {
      say(status, T('nothing'));
      links.focus();
      return;
    }
    const bad = [];
    await addAll(lines.map((l) => ({
      source: T('from_line', { n: l.n }),
      read: () => fromLine(bank, l.text),
      fail: (reason) => { bad.push(l.text); return T('failed_line', { n: l.n, reason }); },
    })));
    // What could not be read stays in the box, to fix or remove.
    links.value = bad.join('\n');
  });

  const addFiles = (list) => addAll([...list].map((f) => ({
    source: T('from_file', { file: f.name }),
    read: () => fromFile(bank, f),
    fail: (reason) => T('failed_file', { file: f.name, reason }),
  })));
  files.addEventListener('change', () => {
    addFiles(files.files).finally(() => { files.value = ''; });
  });
  // Dropping a file anywhere else must not make the browser open it (and lose the team).
  for (const type of ['dragover', 'drop']) {
    document.addEventListener(type, (e) => {
      if (e.dataTransfer && !drop.contains(e.target)) { e.preventDefault(); e.dataTransfer.dropEffect = 'none'; }
    });
  }
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    if (e.dataTransfer && e.dataTransfer.files.length) addFiles(e.dataTransfer.files);
  });

  function renderMembers() {
    $('[data-members-empty]').hidden = members.length > 0;
    list.replaceChildren(...members.map((m, i) => {
      const note = staleNote(m.label, m.snap);
      const button = h('button', { type: 'button', class: 'button small', 'data-remove': i },
        T('remove'), h('span', { class: 'visually-hidden' }, ' ' + m.label));
      button.addEventListener('click', () => remove(i));
      return h('li', { 'data-member': i },
        h('span', { class: 'member-name' }, m.label), ' ',
        h('span', { class: 'meta' }, '(' + m.source + (m.snap.created ? ', ' + T('made', { date: m.snap.created }) : '') + ')'), ' ',
        button, note ? h('p', { class: 'hint' }, note) : null);
    }));
  }

  function remove(i) {
    const [m] = members.splice(i, 1);
    render();
    const next = list.querySelectorAll('[data-remove]')[Math.min(i, members.length - 1)];
    (next || links).focus();
    say(status, T('removed', { name: m.label }));
  }

  function render() {
    renderMembers();
    $('[data-team-result]').hidden = !members.length;
    if (!members.length) { result = null; return; }
    const sets = members.map((m) => m.snap.read.answers);
    sum = areaSummary(bank, sets);
    answers = teamAnswers(bank, sets);
    scores = score(bank, answers);
    renderFirst();
    renderTable();
    renderTargets();
    update();
  }

  function renderFirst() {
    const flagged = bank.areas.filter((a) => sum[a.id].flagged);
    const range = (a) => {
      const known = sum[a.id].levels.filter((n) => n !== null);
      return T('first_item', { area: a.name, min: number(Math.min(...known)), max: number(Math.max(...known)) });
    };
    $('[data-team-first]').replaceChildren(h('div', { class: flagged.length ? 'first-talk' : null }, h('h3', null, T('first_heading')), flagged.length
      ? [h('p', null, T('first_intro')), h('ul', null, flagged.map((a) => h('li', { 'data-first': a.id }, range(a))))]
      : h('p', null, T('first_none'))));
  }

  // Team targets, one per area, next to the route they shape; they start one level up.
  function renderTargets() {
    const goal = targets(bank, scores, chosen);
    $('[data-team-targets]').replaceChildren(h('fieldset', { class: 'pick targets' }, h('legend', null, T('targets_legend')),
      bank.areas.filter((a) => scores[a.id].level !== null).map((a) => {
        const select = h('select', { id: 'team-target-' + a.id });
        for (let n = scores[a.id].level; n <= top; n++) select.append(h('option', { value: n }, levelName[n]));
        select.value = goal[a.id];
        select.addEventListener('change', () => { chosen[a.id] = +select.value; update(); });
        return h('p', null, h('label', { for: select.id }, a.name), ' ', select);
      })));
  }

  function renderTable() {
    const rows = [...bank.areas].sort((x, y) => sum[y.id].flagged - sum[x.id].flagged).map((a) => {
      const s = sum[a.id];
      return h('tr', { 'data-area': a.id, class: s.flagged ? 'flagged' : null },
        h('th', { scope: 'row' }, a.name, s.flagged ? [' ', h('strong', { class: 'flag' }, '⚑ ' + T('flag'))] : null),
        members.map((m, i) => h('td', { 'data-label': m.label, 'data-level': i }, s.levels[i] === null ? T('not_answered') : number(s.levels[i]))),
        h('td', { 'data-label': T('col_median'), 'data-median': '' }, s.median === null ? '–' : number(s.median)),
        h('td', { 'data-label': T('col_spread'), 'data-spread': '' }, number(s.spread)),
        h('td', { 'data-label': T('col_team'), 'data-team-level': '' }, scores[a.id].value === null ? '–' : number(scores[a.id].value)));
    });
    // Many members make a wide table: it scrolls on its own (and is a stack of cards on narrow screens).
    $('[data-team-table]').replaceChildren(h('div', { class: 'table-scroll', role: 'region', tabindex: 0, 'aria-labelledby': 'team-table-caption' }, h('table', { class: 'levels team-levels' },
      h('caption', { id: 'team-table-caption' }, T('table_caption', { first, top })),
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, T('col_area')),
        members.map((m) => h('th', { scope: 'col' }, m.label)),
        ['col_median', 'col_spread', 'col_team'].map((k) => h('th', { scope: 'col' }, T(k))))),
      h('tbody', null, rows))));
  }

  // The route and everything that depends on the targets.
  function update() {
    const goal = targets(bank, scores, chosen);
    const items = route(bank, answers, chosen, scores);
    result = resultObject(bank, ui, { answers, notes: {}, targets: chosen }, goal, items, today());
    result.team = {
      members: members.map((m) => m.label),
      areas: Object.fromEntries(bank.areas.map((a) => [a.id, { levels: sum[a.id].levels, median: sum[a.id].median,
        spread: sum[a.id].spread, flagged: sum[a.id].flagged, team: scores[a.id].value }])),
    };
    // The team export says who took part and where to talk first, then where the team stands.
    where = standing(bank, ui, scores, goal, answers, names);
    const flagged = bank.areas.filter((a) => sum[a.id].flagged);
    intro = [T('export_members', { names: members.map((m) => m.label).join(', ') }),
      flagged.length ? T('export_first', { flagged: flagged.map((a) => a.name).join(', ') }) : T('first_none')];
    renderRoute(items);
  }

  function renderRoute(items) {
    $('[data-team-route]').replaceChildren(...routeView(items, ui, names));
  }

  // Exports: the single scan's formats, titled as the team route.
  const texts = { ...ui, 'results.title': T('route_heading') };
  const file = () => bank.bank + '-team-route-' + today() + '.';
  const actions = {
    md: () => download(file() + 'md', toMarkdown(result, names, texts, where, intro), 'text/markdown;charset=utf-8'),
    csv: () => download(file() + 'csv', toCsv(result, names, texts, bank.csv), 'text/csv;charset=utf-8'),
    json: () => download(file() + 'json', JSON.stringify(result, null, 2) + '\n', 'application/json'),
    print: () => window.print(),
    copy: () => {
      const out = $('[data-team-export-status]'), md = toMarkdown(result, names, texts, where, intro);
      // Without clipboard access, the list appears in a field to select and copy by hand.
      const fail = () => {
        const field = h('textarea', { readonly: true, rows: 8, 'aria-label': R('export_copy'), class: 'copy-field' });
        field.value = md;
        out.after(field);
        field.select();
        say(out, R('copy_failed'));
      };
      for (const old of document.querySelectorAll('.copy-field')) old.remove();
      try { navigator.clipboard.writeText(md).then(() => say(out, R('copied')), fail); } catch (e) { fail(); }
    },
  };
  $('[data-team-exports]').addEventListener('click', (e) => {
    const b = e.target.closest('[data-team-export]');
    if (b && result) actions[b.dataset.teamExport]();
  });
}
