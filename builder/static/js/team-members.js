// The team's members: results added from pasted links or dropped files, each under its name
// (or "Member n"), listed with where it came from and removable again.
import { bank } from './bank.js';
import { $, h } from './dom.js';
import { fromLine, fromFile } from './team-input.js';
import { T, say, reasonText, staleNote } from './team-ui.js';

// changed(members): the list changed; members: [{ label, snap, source }].
export function initMembers(changed) {
  const status = $('[data-team-status]'), list = $('[data-members]'), links = $('[data-team-links]');
  const files = $('[data-team-files]'), drop = $('[data-drop]');
  const members = [];
  let seq = 0;

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

  const addFiles = (chosen) => addAll([...chosen].map((f) => ({
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

  function render() {
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
    changed(members);
  }

  function remove(i) {
    const [m] = members.splice(i, 1);
    render();
    const next = list.querySelectorAll('[data-remove]')[Math.min(i, members.length - 1)];
    (next || links).focus();
    say(status, T('removed', { name: m.label }));
  }
}
