// Dev-server only (never in a built site): reload when a rebuild lands, show build errors on top.
// Each question to the server waits there until the next build, so a save shows at once.
(() => {
  const base = document.currentScript.src.replace(/reload\.js.*$/, "");
  let seen = null;
  const overlay = document.createElement("div");
  overlay.className = "koers-dev-errors";
  overlay.setAttribute("role", "alert");
  Object.assign(overlay.style, { position: "fixed", inset: "auto 0 0 0", maxHeight: "50vh", overflow: "auto",
    background: "#7a0000", color: "#fff", padding: "1rem", font: "14px/1.4 monospace", zIndex: 9999 });
  function show(errors) {
    overlay.replaceChildren();
    if (!errors.length) return overlay.remove();
    const title = document.createElement("strong");
    title.textContent = "Build failed — still showing the last good build:";
    overlay.append(title);
    for (const line of errors) {
      const row = document.createElement("pre");
      row.textContent = line;
      overlay.append(row);
    }
    document.body.append(overlay);
  }
  async function wait() {
    try {
      const since = seen === null ? "" : `?since=${seen}`;
      const state = await (await fetch(base + "state" + since, { cache: "no-store" })).json();
      if (seen !== null && state.version !== seen && state.errors.length === 0) return location.reload();
      seen = state.version;
      show(state.errors);
      wait();
    } catch (e) {
      setTimeout(wait, 500); // server restarting: ask again
    }
  }
  wait();
})();
