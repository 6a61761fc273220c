// The share link: the result in the address's fragment (never sent to a server), renewed after
// every change. Encoding is asynchronous, so only the newest request may fill the field.
import { ui } from './bank.js';
import { $ } from './dom.js';
import { encode } from './codec.js';
import { copy } from './copy.js';

export function shareLink() {
  const field = $('[data-share]');
  let ticket = 0;
  // Without clipboard access the link is selected in its own field, ready to copy by hand.
  $('[data-copy-link]').addEventListener('click', () => copy(field.value, $('[data-share-status]'), ui, () => field));
  return {
    show(result) {
      const mine = ++ticket;
      encode(result).then((code) => {
        if (mine === ticket) field.value = (document.body.dataset.shareBase || location.href.split('#')[0]) + '#r=' + code;
      }, () => { field.value = ''; });
    },
    clear() {
      ticket++;
      field.value = '';
    },
    value: () => field.value,
  };
}
