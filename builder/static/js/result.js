// The result object: the JSON export, the saved state and the share-link payload.
// Format 2 records the answer scale and scoring rules it was made under; format 1 (before
// the rules were part of the bank) is read and scored again under the bank's rules.
import { rules } from './scoring.js';

export const FORMAT = 2;

// The rules a result was scored under, as stored in it: enough to tell when they changed.
export function rulesStamp(bank) {
  const r = rules(bank);
  return { method: r.method, threshold: r.threshold, applicable: r.applicable, first_level: r.first, credits: { ...r.credit } };
}

const pad = (n) => String(n).padStart(2, '0');
export function today(d = new Date()) {
  return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
}

// A "Don't know" becomes a question to find out: the criterion's own find_out text (how to
// find out, whom to ask), or else the statement itself under "Find out whether this holds:".
export function itemText(item, ui) {
  if (item.kind !== 'find') return item.c.action;
  return item.c.find_out || ui['results.find_out'] + ' ' + item.c.text;
}

// state: { answers, notes, targets }; goal: effective targets; items: route(...).
export function resultObject(bank, ui, state, goal, items, created) {
  const answers = {}, notes = {}, group = {};
  for (const a of bank.areas) if (a.group) group[a.id] = a.group;
  for (const c of bank.criteria) if (state.answers[c.id]) answers[c.id] = state.answers[c.id];
  for (const a of bank.areas) if (state.notes[a.id]) notes[a.id] = state.notes[a.id];
  return {
    format: 'koers-result', formatVersion: FORMAT, bank: bank.bank, version: bank.version, lang: bank.lang,
    created: created || today(), scoring: rulesStamp(bank), answers, notes, targets: { ...goal },
    // Every id of this bank, so a later version can tell "added since" from "unanswered".
    ids: bank.criteria.map((c) => c.id),
    ...(cleanName(state.name) ? { name: cleanName(state.name) } : {}),
    route: (items || []).map((it, i) => ({
      n: i + 1, phase: it.phase, kind: it.kind, id: it.c.id, area: it.c.area, level: it.c.level, reached: !!it.reached, answer: state.answers[it.c.id] || '',
      action: itemText(it, ui), why: it.c.why, owner: it.c.owner || '', neededFor: it.neededFor.map((d) => d.c.id),
      ...(group[it.c.area] ? { group: group[it.c.area] } : {}), ...(it.c.meta ? { meta: it.c.meta } : {}),
    })),
  };
}

// Read a result object made by any version: keep what fits this bank, count the rest.
// Returns null when it is not a Koers result at all.
export function readResult(bank, obj) {
  if (!obj || typeof obj !== 'object' || obj.format !== 'koers-result' || !obj.answers || typeof obj.answers !== 'object') return null;
  const ids = new Set(bank.criteria.map((c) => c.id)), scale = rules(bank).credit, answers = {}, notes = {}, targets = {};
  let dropped = 0;
  for (const id of Object.keys(obj.answers)) {
    if (ids.has(id) && Object.hasOwn(scale, obj.answers[id])) answers[id] = obj.answers[id];
    else dropped++;
  }
  for (const a of bank.areas) {
    const n = obj.notes && obj.notes[a.id], t = obj.targets && obj.targets[a.id];
    if (typeof n === 'string' && n) notes[a.id] = n.slice(0, 10000);
    if (Number.isInteger(t)) targets[a.id] = t;
  }
  return {
    answers, notes, targets, dropped,
    fresh: bank.criteria.filter((c) => !answers[c.id]).length,
    stale: obj.bank !== bank.bank || String(obj.version) !== bank.version,
    version: String(obj.version),
    // Scored under other rules than today's (always so for format 1): the page says so.
    rescored: JSON.stringify(obj.scoring) !== JSON.stringify(rulesStamp(bank)),
    ids: Array.isArray(obj.ids) ? obj.ids.filter((id) => typeof id === 'string') : null,
    name: cleanName(obj.name),
  };
}

// A respondent's optional name: untrusted text, one line, at most 80 characters.
export function cleanName(value) {
  return typeof value === 'string' ? value.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim().slice(0, 80) : '';
}
