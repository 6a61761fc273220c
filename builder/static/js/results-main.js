// Entry of the results page (also embedded): the only page whose script carries the texts of
// the route and the exports. full-bank.js comes first, so they are in place before any use.
import { bank } from './full-bank.js';
import { initResults } from './results.js';
import { start } from './start.js';

start(initResults, bank);
