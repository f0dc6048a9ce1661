/* global window, fetch */
// Starts the app's first round trips while its bundle downloads and compiles: the run-time
// config.json and, when it names an RPC, the chain's current block (the baseline of the block watcher).
// main.tsx picks the results up from window.__concordPreload; without this file, it does the same itself.
(function () {
  var config = fetch("./config.json", { cache: "no-store" })
    .then(function (response) {
      return response.ok ? response.text() : null;
    })
    .catch(function () {
      return null;
    });
  var block = config.then(function (text) {
    var rpcUrl;
    try {
      rpcUrl = JSON.parse(text).rpcUrl;
    } catch {
      return null;
    }
    if (typeof rpcUrl !== "string") return null;
    return fetch(rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 0, method: "eth_blockNumber", params: [] }),
    })
      .then(function (response) {
        return response.json();
      })
      .then(function (body) {
        return typeof body.result === "string" ? { rpcUrl: rpcUrl, blockNumber: body.result } : null;
      })
      .catch(function () {
        return null;
      });
  });
  window.__concordPreload = { config: config, block: block };
})();
