// One room socket that survives drops: reconnects with growing pauses, says hello again with the
// participant id and the document versions it has, and lets the editors resend what the server
// has not confirmed. Status changes and messages go to the listeners.
import type { ServerMessage } from './protocol';

export type Status = 'connecting' | 'online' | 'reconnecting' | 'ended' | 'refused';

export interface Hello { participantId?: string; name?: string; lastSeq: number; docs: Record<string, number> }

export class RoomConnection {
  private ws: WebSocket | null = null;
  private attempt = 0;
  private closed = false;
  private pingTimer: number | undefined;
  status: Status = 'connecting';

  constructor(
    private readonly path: string,
    private readonly hello: () => Hello,
    private readonly onMessage: (m: ServerMessage) => void,
    private readonly onStatus: (s: Status, detail?: string) => void,
    /** Asks the server over HTTP whether this socket would be refused (true) or not / no answer (false). */
    private readonly denied: () => Promise<boolean>,
  ) {}

  open() {
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${this.path}`;
    const ws = new WebSocket(url);
    this.ws = ws;
    let opened = false;
    ws.onopen = () => {
      opened = true;
      this.attempt = 0;
      ws.send(JSON.stringify({ type: 'hello', ...this.hello() }));
      this.pingTimer = window.setInterval(() => this.send({ type: 'ping', t: Date.now() }), 20_000);
    };
    ws.onmessage = e => {
      let m: ServerMessage;
      try { m = JSON.parse(e.data); } catch { return; }
      if (m.type === 'welcome') this.setStatus('online');
      if (m.type === 'ended') this.setStatus('ended');
      this.onMessage(m);
    };
    ws.onclose = e => {
      window.clearInterval(this.pingTimer);
      if (this.closed || this.status === 'ended') return;
      if (e.code === 1000 && e.reason === 'session ended') { this.setStatus('ended'); return; }
      // Our role in the session changed (made an observer, or an interviewer): the page is built
      // for one role (an observer's editor is read-only), so it loads again and rejoins as the new one.
      if (e.code === 4001) { location.reload(); return; }
      this.setStatus('reconnecting');
      const retry = () => {
        const delay = Math.min(10_000, 250 * 2 ** this.attempt++) * (0.75 + Math.random() / 2);
        window.setTimeout(() => { if (!this.closed) this.open(); }, delay);
      };
      if (!opened && this.attempt >= 2) {
        // The handshake keeps failing: the network is down, a server node is restarting — or the
        // server refuses us. Only the server can say which; until it says "refused", keep trying,
        // because giving up would throw away whatever was typed and not yet saved.
        this.denied().then(denied => {
          if (this.closed) return;
          if (denied) this.setStatus('refused');
          else retry();
        });
        return;
      }
      retry();
    };
  }

  send(message: object): boolean {
    if (this.ws && this.ws.readyState === WebSocket.OPEN && this.status === 'online') {
      this.ws.send(JSON.stringify(message));
      return true;
    }
    return false;
  }

  /** Reconnect attempts since the socket was last open (for the browser tests). */
  get failedAttempts(): number {
    return this.attempt;
  }

  /** For tests and for "leave": drop the socket as a network failure would. */
  drop() {
    this.ws?.close();
  }

  close() {
    this.closed = true;
    this.ws?.close();
  }

  private setStatus(s: Status) {
    this.status = s;
    this.onStatus(s);
  }
}
