// A TCP proxy in front of the server whose "network" a test can cut: cut() resets every open
// connection and refuses new ones until restore(). Unlike the browser's offline emulation it cuts
// WebSockets abruptly and makes handshakes fail every time, so reconnect logic is tested for real.
import net from 'node:net';

export function cuttableProxy(targetPort) {
  let up = true;
  const open = new Set();
  const server = net.createServer(client => {
    if (!up) { client.resetAndDestroy(); return; }
    const upstream = net.connect(targetPort, '127.0.0.1');
    open.add(client);
    open.add(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    const end = () => {
      open.delete(client);
      open.delete(upstream);
      client.destroy();
      upstream.destroy();
    };
    for (const s of [client, upstream]) { s.on('error', end); s.on('close', end); }
  });
  server.unref(); // never what keeps a finished test running
  return new Promise(resolve => server.listen(0, '127.0.0.1', () => resolve({
    port: server.address().port,
    cut() {
      up = false;
      for (const s of open) s.resetAndDestroy ? s.resetAndDestroy() : s.destroy();
    },
    restore() { up = true; },
    close() { server.close(); for (const s of open) s.destroy(); },
  })));
}
