// What starts before the wall's bundle, from a classic script in the page's <head> (the bundle
// still downloads and evaluates for about 80 ms at boot, measured); the bundle takes both over.
//
// The preview host's API socket, so the first reads go out the moment the bundle runs instead
// of after a WebSocket handshake of its own. Inside Electron the preload's bridge is the API
// and this part does nothing. The bundle adopts the socket with what it received meanwhile
// (renderer/src/api/early-socket.ts); a unit test checks that the URL and the bridge's name
// here match the contract's.
(function openEarlyApiSocket() {
  if (window.wallApi) return;
  var key = new URLSearchParams(location.hash.slice(1)).get('key');
  if (!key) return;
  var scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  var socket = new WebSocket(scheme + '//' + location.host + '/api/' + encodeURIComponent(key));
  var received = [];
  socket.onmessage = function (event) {
    received.push(event.data);
  };
  window.__earlyApiSocket = { socket: socket, received: received };
})();

// The tiles' feed worker (renderer/src/player/fmp4-worker.ts), started here too when the build
// named it in a <meta> (electron.vite.config.ts): it loads and makes its spare MediaSources while
// the bundle still loads, so the first tiles attach a source without waiting for it. The bundle
// adopts it (player/early-feed-worker.ts), or ends it when the page plays with another engine.
(function startEarlyFeedWorker() {
  var doc = window.document;
  var meta = doc && doc.querySelector('meta[name="wall-feed-worker"]');
  var source = window.MediaSource;
  if (!meta || !window.Worker || !source || source.canConstructInDedicatedWorker !== true) return;
  var early = { worker: null, received: [], failed: null };
  try {
    early.worker = new Worker(meta.getAttribute('content'), { type: 'module' });
  } catch {
    return; // the bundle starts the worker itself
  }
  early.worker.onmessage = function (event) {
    early.received.push(event.data);
  };
  early.worker.onerror = function (event) {
    early.failed = (event && event.message) || 'the worker did not start';
  };
  window.__earlyFeedWorker = early;
})();
