// Status messages in live regions placed beside the action they report on, so a visitor sees
// them where they acted and a screen reader announces them (also the same message twice).
export function say(el, msg) {
  if (el) el.textContent = el.textContent === msg ? msg + '\u00a0' : msg;
}
