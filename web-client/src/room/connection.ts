// One room socket that survives drops: reconnects with growing pauses, says hello again with the
// participant id and the document versions it has, and lets the editors resend what the server
// has not confirmed. Status changes and messages go to the listeners.
//
// What people send that the room stores (chat, notes, hints, scores, recommendations) goes through
// an outbox and stays there until the server confirms it — not merely until the socket took it,
// which says nothing about whether it arrived. Each message has an id (made here); the server
// applies an id once and confirms it again when it is sent again (docs/protocol.md, "Confirmed
// messages"), so resending is always safe: after every welcome, when a confirmation is overdue,
// and after a rate refusal. One message is in flight at a time, so they apply in the order they
// were sent even when one of them has to be sent again. The outbox is kept in sessionStorage, so a
// reload of the tab sends what it had not had confirmed.
import type { ServerMessage } from './protocol';

export type Status = 'connecting' | 'online' | 'reconnecting' | 'ended' | 'refused' | 'deleted';

/** Close code of every socket of a room whose session was deleted (docs/protocol.md, "Close codes"). */
export const SESSION_DELETED = 4004;

export interface Hello { participantId?: string; name?: string; lastSeq: number; docs: Record<string, number> }

/** A message a person sent that the room stores; {@code id} is set by {@link RoomConnection.deliver}. */
export type Outgoing = { type: string; id?: string; [field: string]: unknown };

/** A confirmation overdue this long (a frame lost on a dying socket, a refusal for the socket's rate) sends the message again. */
const RESEND_AFTER_MS = 4000;
/** How soon a message the room refused for its rate is sent again. */
const RATE_RETRY_MS = 1000;

interface Entry { message: Outgoing & { id: string }; sentAt: number; sends: number }

export class RoomConnection {
  private ws: WebSocket | null = null;
  private attempt = 0;
  private closed = false;
  private pingTimer: number | undefined;
  private resendTimer: number | undefined;
  private outbox: Entry[];
  status: Status = 'connecting';
  /** Called when the outbox changes (something queued, or confirmed, or dropped). */
  onOutbox: () => void = () => {};
  /** A message the server refused for good (too long, not allowed, not stored): dropped from the outbox; say so. */
  onRefused: (message: Outgoing, code: string, reason: string) => void = () => {};

  constructor(
    private readonly path: string,
    private readonly hello: () => Hello,
    private readonly onMessage: (m: ServerMessage) => void,
    private readonly onStatus: (s: Status, detail?: string) => void,
    /** Asks the server over HTTP whether this socket would be refused (true) or not / no answer (false). */
    private readonly denied: () => Promise<boolean>,
  ) {
    this.outbox = this.loadOutbox();
  }

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
      if (m.type === 'welcome') {
        this.setStatus('online');
        // Whatever was in flight on the old socket may be lost: it goes again (the server applies it once).
        this.outbox.forEach(x => { x.sentAt = 0; });
      }
      if (m.type === 'ended') {
        this.setStatus('ended');
        this.outbox = []; // nothing more can be stored in this room
        this.changed();
      }
      if (m.type === 'error' && m.id && this.refused(m.id, m.code, m.message)) return;
      this.confirm(m);
      this.onMessage(m);
      // After the welcome (the room is in its state again, editors rebased) what waits goes out; after
      // a confirmation, the next.
      this.pump();
    };
    ws.onclose = e => {
      window.clearInterval(this.pingTimer);
      if (this.closed || this.status === 'ended' || this.status === 'deleted') return;
      if (e.code === 1000 && e.reason === 'session ended') { this.setStatus('ended'); return; }
      // Our role in the session changed (made an observer, or an interviewer): the page is built
      // for one role (an observer's editor is read-only), so it loads again and rejoins as the new one.
      if (e.code === 4001) { location.reload(); return; }
      // The session was deleted: there is nothing to reconnect to, and nothing unsent can be stored.
      if (e.code === SESSION_DELETED) {
        this.outbox = [];
        this.changed();
        this.close();
        this.setStatus('deleted');
        return;
      }
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
    if (this.resendTimer === undefined) this.resendTimer = window.setInterval(() => this.resendOverdue(), 1000);
  }

  send(message: object): boolean {
    if (this.ws && this.ws.readyState === WebSocket.OPEN && this.status === 'online') {
      this.ws.send(JSON.stringify(message));
      return true;
    }
    return false;
  }

  /**
   * For what a person sent (chat, notes, scores, hints, recommendations), which must never be
   * dropped nor applied twice: gives it an id, keeps it until the server confirms it, and sends it
   * (again) until then.
   */
  deliver(message: Outgoing) {
    this.outbox.push({ message: { ...message, id: message.id ?? newId() }, sentAt: 0, sends: 0 });
    this.changed();
    this.pump();
  }

  /** Messages not confirmed yet, oldest first: the one in flight, and those waiting behind it. */
  get waiting(): readonly Outgoing[] {
    return this.outbox.map(x => x.message);
  }

  /** For the browser tests: each unconfirmed message's id, type and how often it was sent. */
  get unconfirmed(): { id: string; type: string; sends: number }[] {
    return this.outbox.map(x => ({ id: x.message.id, type: x.message.type, sends: x.sends }));
  }

  /** Sends the oldest unconfirmed message unless it is in flight already: one at a time, in order. */
  private pump() {
    const head = this.outbox[0];
    if (!head || head.sentAt) return;
    if (this.send(head.message)) {
      head.sentAt = Date.now();
      head.sends++;
    }
  }

  /** A confirmation overdue: the message (or its confirmation) was lost on the way; it goes again. */
  private resendOverdue() {
    const head = this.outbox[0];
    if (head && head.sentAt && Date.now() - head.sentAt > RESEND_AFTER_MS) head.sentAt = 0;
    this.pump();
  }

  /** The ids a server message confirms: the stored chat lines, notes and hints it shows, and a scoring's own id. */
  private confirm(m: ServerMessage) {
    if (!this.outbox.length) return;
    const ids = new Set<string>();
    if (m.type === 'welcome') {
      m.chat.forEach(c => ids.add(c.id));
      m.notes?.forEach(n => ids.add(n.id));
      m.scoring?.hints.forEach(h => ids.add(h.id));
    } else if (m.type === 'chat') {
      ids.add(m.chat.id);
    } else if (m.type === 'note') {
      ids.add(m.note.id);
    } else if (m.type === 'scoring') {
      if (m.id) ids.add(m.id);
      m.scoring.hints.forEach(h => ids.add(h.id));
    }
    if (!ids.size) return;
    const before = this.outbox.length;
    this.outbox = this.outbox.filter(x => !ids.has(x.message.id));
    if (this.outbox.length !== before) this.changed();
  }

  /**
   * An error naming one of our messages. A rate refusal is sent again shortly; any other refusal
   * would be refused again (too long, not allowed, not stored), so the message is dropped and the
   * person told. False when the id is not one of ours (the page shows the error as any other).
   */
  private refused(id: string, code: string, reason: string): boolean {
    const i = this.outbox.findIndex(x => x.message.id === id);
    if (i < 0) return false;
    const entry = this.outbox[i];
    if (code === 'rate_limited') {
      entry.sentAt = Date.now() - RESEND_AFTER_MS + RATE_RETRY_MS;
      return true;
    }
    this.outbox.splice(i, 1);
    this.changed();
    this.onRefused(entry.message, code, reason);
    this.pump();
    return true;
  }

  private get storageKey() {
    return `mockroom:outbox:${this.path}`;
  }

  private loadOutbox(): Entry[] {
    try {
      const kept = JSON.parse(sessionStorage.getItem(this.storageKey) ?? '[]');
      return Array.isArray(kept) ? kept.filter(m => m && typeof m.id === 'string').map(message => ({ message, sentAt: 0, sends: 0 })) : [];
    } catch {
      return [];
    }
  }

  private changed() {
    try {
      if (this.outbox.length) sessionStorage.setItem(this.storageKey, JSON.stringify(this.outbox.map(x => x.message)));
      else sessionStorage.removeItem(this.storageKey);
    } catch {
      // Storage full or refused: the outbox still holds it for this page's life.
    }
    this.onOutbox();
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
    window.clearInterval(this.resendTimer);
    this.ws?.close();
  }

  private setStatus(s: Status) {
    this.status = s;
    this.onStatus(s);
  }
}

/**
 * A random UUID (version 4). crypto.randomUUID exists only on secure pages (https, localhost); a
 * server reached over plain http on a LAN address still has crypto.getRandomValues.
 */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, x => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
