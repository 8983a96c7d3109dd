// Runs after textual.js, which starts the terminal from window.onload.
"use strict";

// xterm measures its font once, when the terminal opens: start it only when the font
// has loaded, or the cells are measured in a fallback font and drawn at the wrong size.
const fontLoaded = document.fonts.load('16px "Roboto Mono"');
const startTerminal = window.onload;
window.onload = null;

window.addEventListener("load", async (event) => {
  // textual.js opens the websocket at this address; made from the page's own, it is
  // right behind a reverse proxy too.
  const url = new URL("ws", window.location.href);
  url.protocol = window.location.protocol === "https:" ? "wss:" : "ws:";
  url.search = "";
  document.getElementById("terminal").dataset.sessionWebsocketUrl = url.href;
  document.getElementById("restart").addEventListener("click", () => {
    window.location.reload();
  });
  try {
    await fontLoaded;
  } finally {
    startTerminal(event);
  }
});
