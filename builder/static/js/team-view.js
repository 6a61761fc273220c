// The team view: members' results (team-members.js), where the team stands (team-levels.js),
// and the team route from the team's answers with its targets and exports (route-page.js).
import { bank, ui } from './bank.js';
import { $, h } from './dom.js';
import { score } from './scoring.js';
import { targets } from './route.js';
import { teamAnswers, areaSummary } from './team.js';
import { routePage, targetSelect } from './route-page.js';
import { initMembers } from './team-members.js';
import { firstTalks, teamTable } from './team-levels.js';
import { T } from './team-ui.js';

export function initTeam() {
  const chosen = {};
  let members = [], sum = null, answers = null, scores = null;
  // The single scan's formats, titled as the team route; the team's export says who took part
  // and where to talk first, then where the team stands.
  const page = routePage({ list: $('[data-team-route]'), root: $('[data-exports]'), file: bank.bank + '-team-route-',
    texts: { ...ui, 'results.title': T('route_heading') }, dress });
  function dress(doc) {
    doc.result.team = {
      members: members.map((m) => m.label),
      areas: Object.fromEntries(bank.areas.map((a) => [a.id, { levels: sum[a.id].levels, median: sum[a.id].median,
        spread: sum[a.id].spread, flagged: sum[a.id].flagged, team: scores[a.id].value }])),
    };
    const flagged = bank.areas.filter((a) => sum[a.id].flagged);
    doc.intro = [T('export_members', { names: members.map((m) => m.label).join(', ') }),
      flagged.length ? T('export_first', { flagged: flagged.map((a) => a.name).join(', ') }) : T('first_none')];
  }

  initMembers((list) => {
    members = list;
    $('[data-team-result]').hidden = !members.length;
    if (!members.length) return page.clear();
    const sets = members.map((m) => m.snap.read.answers);
    sum = areaSummary(bank, sets);
    answers = teamAnswers(bank, sets);
    scores = score(bank, answers);
    $('[data-team-first]').replaceChildren(firstTalks(sum));
    $('[data-team-table]').replaceChildren(teamTable(members, sum, scores));
    renderTargets();
    update();
  });

  // Team targets, one per area, next to the route they shape; they start one level up.
  function renderTargets() {
    const goal = targets(bank, scores, chosen);
    $('[data-team-targets]').replaceChildren(h('fieldset', { class: 'pick targets' }, h('legend', null, T('targets_legend')),
      bank.areas.filter((a) => scores[a.id].level !== null).map((a) => {
        const select = targetSelect(scores[a.id].level, goal[a.id], (n) => { chosen[a.id] = n; update(); }, { id: 'team-target-' + a.id });
        return h('p', null, h('label', { for: select.id }, a.name), ' ', select);
      })));
  }

  function update() {
    page.show({ answers, notes: {}, targets: chosen }, scores);
  }
}
