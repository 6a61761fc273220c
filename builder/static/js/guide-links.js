// Links from the results to the guidance pages. They start from this language's root; from an
// embedded page they open outside the frame. The single-file edition has no guidance pages
// beside it: there they point to the hosted site when its address is known, and are plain text otherwise.
import { h } from './dom.js';

export const home = document.body.dataset.home || '';
export const single = document.body.dataset.page === 'single';
export const out = document.body.hasAttribute('data-embed') || single ? { target: '_blank', rel: 'noopener' } : {};
export const link = (href, text) => (single && !home ? h('span', null, text) : h('a', { href: home + href, ...out }, text));
