// Exports of the action list: Markdown checklist, CSV for Excel in the visitor's language, JSON,
// print and copy, in one table of formats (FORMATS) that the results and team pages both use.
// Take the result object (see result.js) plus UI texts; no bank.js import, so tests can load this.
import { fmt } from './dom.js';
import { say } from './status.js';
import { copy } from './copy.js';

const PHASES = ['now', 'next', 'later'];

function meta(r, names, ui) {
  return (r.group ? r.group + ' · ' : '') + fmt(ui[r.reached ? 'results.completes' : 'results.unlocks'], { n: r.level, area: names[r.area] || r.area }) +
    (r.owner ? ' · ' + ui['results.owner'] + ': ' + r.owner : '') +
    (r.meta || []).map((m) => ' · ' + m.key + ': ' + m.value).join('');
}

const cellMd = (v) => String(v).replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

// names: { areaId: name }. standing (optional, see verdict.js): where you stand, so the list
// reads on its own when it is mailed or pasted into a ticket; intro: extra lines after it.
export function toMarkdown(result, names, ui, standing, intro) {
  const out = ['# ' + ui['results.title'], '', result.created + ' · ' + result.bank + ' ' + result.version, ''];
  if (intro) out.push(...intro, '');
  if (standing) {
    out.push('## ' + ui['results.where_heading'], '',
      '| ' + ['table_area', 'table_level', 'table_target', 'table_capped'].map((k) => ui['results.' + k]).join(' | ') + ' |',
      '| --- | --- | --- | --- |');
    for (const row of standing.rows) out.push('| ' + [row.area, row.level, row.target, row.reason].map(cellMd).join(' | ') + ' |');
    out.push('', standing.summary, '', '## ' + ui['results.route_heading'], '');
  }
  if (!result.route.length) out.push(ui['results.route_empty'], '');
  const byId = {};
  for (const r of result.route) byId[r.id] = r;
  for (const p of PHASES) {
    const items = result.route.filter((r) => r.phase === p);
    if (!items.length) continue;
    out.push((standing ? '### ' : '## ') + ui['results.phase_' + p], '');
    for (const r of items) {
      out.push('- [ ] ' + r.action, '  ' + meta(r, names, ui), '  ' + ui['results.because'] + ': ' + r.why);
      if (r.neededFor.length) out.push('  ' + fmt(ui['results.needed_for'], { items: r.neededFor.map((id) => byId[id] ? byId[id].action : id).join('; ') }));
    }
    out.push('');
  }
  const notes = Object.keys(result.notes);
  if (notes.length) {
    out.push('## ' + ui['results.notes_heading'], '');
    for (const id of notes) out.push('### ' + (names[id] || id), '', result.notes[id], '');
  }
  return out.join('\n');
}

function cell(v, format) {
  v = typeof v === 'number' ? String(v).replace('.', format.decimal) : String(v);
  return v.includes(format.delimiter) || /["\r\n]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v;
}

// UTF-8 BOM, CRLF line ends, RFC 4180 quoting, and the bank's delimiter and decimal mark for
// this language (bank.csv: ';' and ',' for Dutch Excel, ',' and '.' for English).
// A group column and one column per meta key appear when the route has them.
export function toCsv(result, names, ui, format = { delimiter: ';', decimal: ',' }) {
  const groups = result.route.some((r) => r.group);
  const keys = [...new Set(result.route.flatMap((r) => (r.meta || []).map((m) => m.key)))];
  const rows = [['#', ui['results.col_phase'], ui['results.col_action'], ...(groups ? [ui['results.table_group']] : []),
    ui['results.table_area'], ui['results.table_level'], ui['results.because'], ui['results.owner'], ...keys]];
  for (const r of result.route) {
    const meta = Object.fromEntries((r.meta || []).map((m) => [m.key, m.value]));
    rows.push([r.n, ui['results.phase_' + r.phase], r.action, ...(groups ? [r.group || ''] : []), names[r.area] || r.area,
      r.level, r.why, r.owner, ...keys.map((k) => meta[k] || '')]);
  }
  return '\ufeff' + rows.map((row) => row.map((v) => cell(v, format)).join(format.delimiter)).join('\r\n') + '\r\n';
}

export function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// The export formats by the key of their button (data-export="md", from the _exports.html macro).
// A download gives its type and text, and its key is its file's ending; any other format runs
// itself. A new format is an entry here, a button in the macro and its label in each built-in language.
// doc: the route page's document (see route-page.js); place: the live region beside the buttons.
export const FORMATS = {
  md: { type: 'text/markdown;charset=utf-8', text: (doc) => toMarkdown(doc.result, doc.names, doc.ui, doc.where, doc.intro) },
  csv: { type: 'text/csv;charset=utf-8', text: (doc) => toCsv(doc.result, doc.names, doc.ui, doc.csv) },
  json: { type: 'application/json', text: (doc) => JSON.stringify(doc.result, null, 2) + '\n' },
  print: { run: () => window.print() },
  copy: { run: (doc, place) => copy(FORMATS.md.text(doc), place, doc.ui) },
};

export function runExport(key, doc, place) {
  const format = FORMATS[key];
  if (format.run) return format.run(doc, place);
  const name = doc.file + key;
  download(name, format.text(doc), format.type);
  say(place, fmt(doc.ui['results.export_started'], { file: name }));
}

// Every button of root runs its format. A button without a format is a mistake in a template
// (a theme's, say) and is named in the console rather than doing nothing in silence.
export function bindExports(root, place, current) {
  for (const b of root.querySelectorAll('[data-export]')) {
    if (!FORMATS[b.dataset.export]) console.error('koers: no export format "' + b.dataset.export + '"');
  }
  root.addEventListener('click', (e) => {
    const b = e.target.closest('[data-export]'), doc = current();
    if (b && doc && FORMATS[b.dataset.export]) runExport(b.dataset.export, doc, place);
  });
}
