// A TCP proxy in front of the server whose "network" a test can cut: cut() resets every open
// connection and refuses new ones until restore(). Unlike the browser's offline emulation it cuts
// WebSockets abruptly and makes handshakes fail every time, so reconnect logic is tested for real.
// freeze() makes the open WebSockets a black hole without closing them, as a network that died
// before either end noticed: what is sent on them is lost (both ways, or only the server's answers),
// while both ends still believe the connection is up. Plain HTTP connections (a page reload) and
// new connections are not frozen; a frozen one is never thawed (bytes were lost mid-stream), only cut.
import net from 'node:net';

export function cuttableProxy(targetPort) {
  let up = true;
  const open = new Set();
  const pairs = new Set();
  const server = net.createServer(client => {
    if (!up) { client.resetAndDestroy(); return; }
    const upstream = net.connect(targetPort, '127.0.0.1');
    open.add(client);
    open.add(upstream);
    const pair = { client, upstream, ws: false };
    pairs.add(pair);
    client.once('data', d => { pair.ws = /^GET \/ws\//.test(d.toString('latin1')); });
    client.pipe(upstream);
    upstream.pipe(client);
    const end = () => {
      open.delete(client);
      open.delete(upstream);
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    for (const s of [client, upstream]) { s.on('error', end); s.on('close', end); }
  });
  /** Stops forwarding from {@code from} to {@code to}, reading and dropping what arrives. */
  const blackHole = (from, to) => {
    from.unpipe(to);
    from.on('data', () => {});
  };
  server.unref(); // never what keeps a finished test running
  return new Promise(resolve => server.listen(0, '127.0.0.1', () => resolve({
    port: server.address().port,
    cut() {
      up = false;
      for (const s of open) s.resetAndDestroy ? s.resetAndDestroy() : s.destroy();
    },
    restore() { up = true; },
    /** The open WebSockets lose what is sent on them: the server's frames, and unless {@code toServer} is false, the page's. */
    freeze({ toServer = true } = {}) {
      for (const { client, upstream, ws } of pairs) {
        if (!ws) continue;
        blackHole(upstream, client);
        if (toServer) blackHole(client, upstream);
      }
    },
    close() { server.close(); for (const s of open) s.destroy(); },
  })));
}
