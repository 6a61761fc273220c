// Inside an iframe (embed pages): tell the host page, via the embed.js protocol, how tall
// the content is, so it can grow the frame. Only answers a greeting from the parent window,
// and only to the origin that greeted.
let origin = null;

// The content's own height. The document's scroll height is never less than the frame, so
// it would let the frame grow but never shrink; the root element is as tall as what it holds.
function height() {
  return Math.ceil(document.documentElement.getBoundingClientRect().height);
}

function report(scrollTop) {
  if (origin) parent.postMessage({ type: 'koers:height', height: height(), scrollTop: !!scrollTop }, origin);
}

export function initFrame() {
  if (parent === window) return;
  window.addEventListener('message', (e) => {
    if (e.source === parent && e.data && e.data.type === 'koers:hello' && e.origin !== 'null') {
      origin = e.origin;
      report();
    }
  });
  new ResizeObserver(() => report()).observe(document.body);
  document.addEventListener('koers:step', () => report(true));
}
