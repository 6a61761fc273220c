/* Koers embed helper for the page that hosts the scan (a blog post, an intranet page).
 *
 * Use: an <iframe data-koers-embed> whose address is this site's embed/scan.html, followed by
 * a <script defer> that loads this file from the same site. The site's "Embed this scan"
 * page (embed.html) has the snippet with the right addresses filled in.
 *
 * Keeps each such iframe as tall as its content, so the reader scrolls the post, not a box.
 * Messages are only accepted from the iframe's own origin and window, and the iframe only
 * reports its height to the origin that greeted it. Without this script the iframe keeps its
 * fixed height and scrolls by itself.
 */
(function () {
  "use strict";
  var frames = [];

  function originOf(frame) {
    try { return new URL(frame.src, location.href).origin; } catch (e) { return null; }
  }

  function greet(frame) {
    var origin = originOf(frame);
    if (origin && frame.contentWindow) frame.contentWindow.postMessage({ type: "koers:hello" }, origin);
  }

  // How much of the top of the window a fixed or sticky header of the host page covers.
  function covered() {
    var el = document.elementFromPoint(Math.floor(window.innerWidth / 2), 1), bottom = 0;
    for (; el && el !== document.body && el !== document.documentElement; el = el.parentElement) {
      var position = window.getComputedStyle(el).position;
      if (position === "fixed" || position === "sticky") bottom = Math.max(bottom, el.getBoundingClientRect().bottom);
    }
    return bottom;
  }

  // After a step or a new page inside the frame, bring the frame's top into view, below
  // the host's own header, unless it is in view already.
  function reveal(frame) {
    var offset = covered(), top = frame.getBoundingClientRect().top;
    if (top < offset || top > window.innerHeight * 0.5) window.scrollTo(0, window.pageYOffset + top - offset - 8);
  }

  function attach(frame) {
    if (frames.indexOf(frame) !== -1) return;
    frames.push(frame);
    frame.setAttribute("scrolling", "no");
    var loads = 0;
    frame.addEventListener("load", function () {
      greet(frame);
      if (loads++) frame.koersReveal = true;  // a page the reader opened inside the frame
    });
    greet(frame);
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "koers:height" || typeof data.height !== "number") return;
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (event.source === frame.contentWindow && event.origin === originOf(frame)) {
        frame.style.height = Math.max(200, Math.min(Math.ceil(data.height), 100000)) + "px";
        if (data.scrollTop || frame.koersReveal) reveal(frame);
        frame.koersReveal = false;
      }
    }
  });

  function scan() {
    var found = document.querySelectorAll("iframe[data-koers-embed]");
    for (var i = 0; i < found.length; i++) attach(found[i]);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", scan);
  else scan();
})();
