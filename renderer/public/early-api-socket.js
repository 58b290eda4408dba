// The preview host's API socket, opened by a classic script in the page's <head> while the
// wall's bundle still downloads and evaluates (about 80 ms at boot, measured), so the first
// reads go out the moment the bundle runs instead of after a WebSocket handshake of its own.
// Inside Electron the preload's bridge is the API and this does nothing. The bundle adopts the
// socket with what it received meanwhile (renderer/src/api/early-socket.ts); a unit test
// checks that the URL and the bridge's name here match the contract's.
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
