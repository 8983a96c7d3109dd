// Test instrumentation: keep each xterm.js terminal the page opens, to read its screen.
(() => {
  const modules = [];
  const define = Object.defineProperty;
  Object.defineProperty = function (target, key, descriptor) {
    if (key === "__esModule") modules.push(target);
    return define.call(Object, target, key, descriptor);
  };
  window.__terminals = [];
  document.addEventListener("DOMContentLoaded", () => {
    for (const exports of modules) {
      const Terminal = exports.Terminal;
      if (typeof Terminal === "function" && Terminal.prototype.open && "buffer" in Terminal.prototype) {
        const open = Terminal.prototype.open;
        Terminal.prototype.open = function (...args) {
          window.__terminals.push(this);
          return open.apply(this, args);
        };
      }
    }
  });
})();
