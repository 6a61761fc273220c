// Reading shared results for the team page: share links (one per line) and JSON files.
// Every input ends in { snap } or { reason }; nothing here throws, nothing is fetched.
import { decode } from './codec.js';
import { readResult } from './result.js';
import { rules } from './scoring.js';

const MAX_FILE = 5 * 1024 * 1024;

// A result object, checked against this bank. reason: not_result, other_bank or empty.
export function snapshot(bank, obj) {
  const read = readResult(bank, obj);
  if (!read) return { reason: 'not_result' };
  if (typeof obj.bank === 'string' && obj.bank !== bank.bank) return { reason: 'other_bank', bank: obj.bank };
  if (!Object.keys(read.answers).length) return { reason: 'empty' };
  const answers = {};
  const scale = rules(bank).credit;
  for (const id of Object.keys(obj.answers)) if (Object.hasOwn(scale, obj.answers[id])) answers[id] = obj.answers[id];
  const route = Array.isArray(obj.route) ? obj.route.filter((r) => r && typeof r.id === 'string')
    .map((r) => ({ id: r.id, kind: r.kind === 'find' ? 'find' : 'act', action: typeof r.action === 'string' ? r.action : '' })) : null;
  const known = new Set(bank.criteria.map((c) => c.id));
  return {
    snap: {
      name: read.name, answers, ids: read.ids, route, read, targets: read.targets, bank: obj.bank, version: read.version,
      rescored: read.rescored,
      created: typeof obj.created === 'string' ? obj.created.slice(0, 10) : '',
      gone: Object.keys(obj.answers).filter((id) => !known.has(id)),
      key: JSON.stringify(obj),
    },
  };
}

// The payload of a pasted line: what follows '#r=', or the line itself when it is one.
export function payloadOf(line) {
  const s = line.trim(), i = s.indexOf('#r=');
  const p = i >= 0 ? s.slice(i + 3) : s;
  return i >= 0 || /^[\w-]{16,}$/.test(p) ? p : null;
}

export async function fromLine(bank, line) {
  const p = payloadOf(line);
  if (p === null) return { reason: 'not_link' };
  let obj;
  try {
    obj = await decode(p);
  } catch (e) {
    return { reason: 'damaged' };
  }
  return snapshot(bank, obj);
}

export async function fromFile(bank, file) {
  if (file.size > MAX_FILE) return { reason: 'too_big' };
  let obj;
  try {
    obj = JSON.parse(await file.text());
  } catch (e) {
    return { reason: 'json' };
  }
  return snapshot(bank, obj);
}
