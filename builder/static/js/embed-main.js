// Entry of the "Embed this scan" page: the copy buttons only, with no bank and no app code.
import { initSnippets } from './snippets.js';

document.documentElement.classList.add('js');
initSnippets();
