// A question in a native modal <dialog>: focus starts on the safe choice, Escape cancels, and
// focus goes back to where it was. Resolves to true only when the visitor confirms.
import { h } from './dom.js';

let count = 0;

// texts: { title, text, ok, cancel }.
export function ask(texts) {
  const back = document.activeElement, id = 'ask-' + ++count;
  const no = h('button', { type: 'button', class: 'button', 'data-ask-cancel': true }, texts.cancel);
  const yes = h('button', { type: 'button', class: 'button danger', 'data-ask-ok': true }, texts.ok);
  const dialog = h('dialog', { class: 'workshop', 'aria-labelledby': id + '-h', 'aria-describedby': id + '-t', 'data-ask': true },
    h('h2', { id: id + '-h' }, texts.title), h('p', { id: id + '-t' }, texts.text), h('p', { class: 'button-row' }, yes, no));
  return new Promise((resolve) => {
    no.addEventListener('click', () => dialog.close('cancel'));
    yes.addEventListener('click', () => dialog.close('ok'));
    dialog.addEventListener('close', () => {
      dialog.remove();
      if (back && back.isConnected) back.focus();
      resolve(dialog.returnValue === 'ok');
    });
    (document.querySelector('main') || document.body).append(dialog);
    dialog.showModal();
    no.focus();
  });
}
