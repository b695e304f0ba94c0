package io.mockroom.ws;

import io.mockroom.auth.Account;
import io.mockroom.auth.AccountStore;
import io.mockroom.http.Authn;
import io.mockroom.http.SameOrigin;
import io.mockroom.room.ClientMessage;
import io.mockroom.room.Principal;
import io.mockroom.room.ProtocolError;
import io.mockroom.room.Role;
import io.mockroom.room.RoomHandle;
import io.mockroom.room.RoomRouter;
import io.mockroom.room.ServerMessage;
import io.mockroom.room.SessionStore;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.ServerWebSocketHandshake;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The room sockets: {@code /ws/rooms/{sessionId}} for signed-in staff (login cookie) and
 * {@code /ws/join/{token}} for candidates. Access is decided in the handshake, before the socket
 * exists; then the first message must be {@code hello} within {@link #HELLO_TIMEOUT_MS}, and
 * every later message (one frame, or several put together) is size-checked, decoded once
 * ({@link ClientFrames}) and handed to the room. A bad message gets an error frame; a socket that
 * keeps sending bad messages, or keeps sending over its rate, is closed for abuse (1008), and one
 * that sends a message over {@link #MAX_FRAME} is closed as too big (1009): from that moment
 * nothing more it sends is handled or logged, the replies the room already owes it go out first,
 * and then the close frame.
 */
public final class RoomGateway {
  private static final Logger log = LoggerFactory.getLogger(RoomGateway.class);
  public static final int MAX_MESSAGE = 256 * 1024;
  /**
   * The largest WebSocket frame, and the largest message, the server takes (bytes of UTF-8); it
   * sends a longer message as several frames of this size. A client's message over it, in one
   * frame or in several, closes the socket with {@link #TOO_BIG}; one over {@link #MAX_MESSAGE} up
   * to it is answered {@code too_large}. Browsers send a message as one frame, so the two limits
   * are equal; a message in several frames is put together (at most this much is kept for it).
   */
  public static final int MAX_FRAME = 1024 * 1024;
  static final long HELLO_TIMEOUT_MS = 10_000;
  static final int MAX_ERRORS_PER_MINUTE = 60;
  /**
   * Messages refused for the socket's rate in a minute before the socket is closed: ten seconds
   * at twice the rate. A burst over the rate (a reconnect's resend, a client's hiccup) is only
   * refused; a client that keeps sending over it is closed.
   */
  static final int MAX_REFUSED_PER_MINUTE = 600;
  /**
   * How long the room may take to send what it owes a socket closed for abuse before the gateway
   * closes it anyway (a room blocked on a slow database must not keep an abuser's socket open).
   */
  static final long ABUSE_CLOSE_WAIT_MS = 2_000;
  /**
   * Seconds a peer has to answer the server's close frame before its TCP connection is closed
   * (Vert.x's default is 10: an abuser's frames kept arriving all that time).
   */
  public static final int CLOSING_TIMEOUT_SECONDS = 2;
  /** Policy violation: the close code of a socket closed for abuse. */
  static final short POLICY = 1008;
  /** Message too big: the close code of a socket that sent a message over {@link #MAX_FRAME}. */
  static final short TOO_BIG = 1009;
  static final String TOO_BIG_REASON = "message too big: at most " + MAX_FRAME + " bytes";
  /** Sustained messages per second per socket, and the burst above it (a fast typist sends ~10/s). */
  static final double RATE_PER_SECOND = 60;
  static final double RATE_BURST = 200;
  private static final Pattern STAFF = Pattern.compile("^/ws/rooms/([0-9a-fA-F-]{36})$");
  private static final Pattern CANDIDATE = Pattern.compile("^/ws/join/([A-Za-z0-9_-]{1,100})$");
  private static final AtomicLong SOCKETS = new AtomicLong();

  private final Vertx vertx;
  private final RoomRouter rooms;
  private final AccountStore accounts;
  private final SessionStore sessions;

  private final io.mockroom.metrics.ServerMetrics metrics;

  private final long silenceMs;
  /** A cookie-authenticated socket opened by a page of another site would act as the user. */
  private final SameOrigin sameOrigin;

  public RoomGateway(Vertx vertx, RoomRouter rooms, AccountStore accounts, SessionStore sessions,
                     io.mockroom.metrics.ServerMetrics metrics, int silenceSeconds, SameOrigin sameOrigin) {
    this.vertx = vertx;
    this.silenceMs = silenceSeconds * 1000L;
    this.sameOrigin = sameOrigin;
    this.metrics = metrics;
    this.rooms = rooms;
    this.accounts = accounts;
    this.sessions = sessions;
  }

  /** Who may open this socket, or the HTTP status that refuses it. */
  private record Admission(int status, UUID room, Principal principal) {
    static Admission refuse(int status) {
      return new Admission(status, null, null);
    }
  }

  public void handshake(ServerWebSocketHandshake hs) {
    admit(hs).onComplete(ar -> {
      if (ar.failed()) {
        log.error("Handshake for {} failed", hs.path(), ar.cause());
        hs.reject(500);
      } else if (ar.result().status() != 101) {
        hs.reject(ar.result().status());
      } else {
        Admission a = ar.result();
        hs.accept().onSuccess(ws -> attach(ws, a.room(), a.principal()));
      }
    });
  }

  private Future<Admission> admit(ServerWebSocketHandshake hs) {
    String path = hs.path();
    Matcher staff = STAFF.matcher(path);
    if (staff.matches()) {
      String origin = hs.headers().get("Origin"); // none: not a browser
      if (origin != null && !sameOrigin.allows(origin, hs.headers().get("Host"))) return Future.succeededFuture(Admission.refuse(403));
      UUID sessionId = UUID.fromString(staff.group(1));
      return account(hs).compose(account -> {
        if (account.isEmpty()) return Future.succeededFuture(Admission.refuse(401));
        return sessions.staffRole(sessionId, account.get()).compose(access -> {
          if (access.isEmpty()) return Future.succeededFuture(Admission.refuse(404));
          if (access.get().isEmpty()) return Future.succeededFuture(Admission.refuse(403));
          Role role = access.get().get();
          return Future.succeededFuture(new Admission(101, sessionId,
              new Principal.Staff(account.get().id(), account.get().name(), role)));
        });
      });
    }
    Matcher candidate = CANDIDATE.matcher(path);
    if (candidate.matches()) {
      return sessions.byCandidateToken(candidate.group(1)).compose(link -> {
        if (link.isEmpty()) return Future.succeededFuture(Admission.refuse(404));
        if (link.get().status().equals("ended")) return Future.succeededFuture(Admission.refuse(410));
        return Future.succeededFuture(new Admission(101, link.get().sessionId(), new Principal.Candidate()));
      });
    }
    return Future.succeededFuture(Admission.refuse(404));
  }

  private void attach(ServerWebSocket ws, UUID room, Principal principal) {
    WsConnection conn = new WsConnection(ws, "ws-" + SOCKETS.incrementAndGet(), metrics.slowSockets);
    metrics.sockets.incrementAndGet();
    SocketState s = new SocketState();
    long helloTimer = vertx.setTimer(HELLO_TIMEOUT_MS, t -> {
      if (s.room == null) {
        conn.send(new ServerMessage.Error("hello_timeout", "No hello within " + HELLO_TIMEOUT_MS / 1000 + " seconds."));
        conn.close((short) 1008, "no hello");
      }
    });
    // A socket that says nothing for too long (the app pings every 20 s) is a dead peer whose
    // TCP connection did not close — a laptop lid shut; the room must stop showing it online.
    long silenceTimer = vertx.setPeriodic(Math.max(1000, silenceMs / 4), t -> {
      if (System.currentTimeMillis() - s.lastHeard > silenceMs) {
        vertx.cancelTimer(t);
        conn.send(new ServerMessage.Error("silent", "Nothing heard from this socket for " + silenceMs / 1000 + " seconds."));
        conn.close((short) 1001, "silent");
        s.leave(conn);
      }
    });
    // Frames, not Vert.x's whole messages: Vert.x drops a message over its limit without a word
    // (and one whose first frame is empty), where the client must be told (1009).
    ws.frameHandler(frame -> {
      // Closed (for abuse, or a message too big): until the peer completes the close (or the
      // closing timeout cuts the TCP connection) frames still arrive; none is handled, answered,
      // logged or kept.
      if (s.closing) return;
      if (frame.isText() && frame.isFinal()) {
        // A message in one frame, as browsers send every message: nothing is collected.
        message(conn, s, room, principal, frame.textData());
        return;
      }
      if (!frame.isText() && !frame.isBinary() && !frame.isContinuation()) return; // close, ping, pong: Vert.x answers them
      int state = frame.isContinuation() ? s.fragments.add(frame.binaryData(), frame.isFinal())
          : frame.isFinal() ? FragmentedMessage.WHOLE // a binary message in one frame
          : s.fragments.start(frame.isBinary(), frame.binaryData());
      if (state == FragmentedMessage.TOO_BIG) {
        tooBig(conn, s);
      } else if (state == FragmentedMessage.WHOLE) {
        if (frame.isBinary() || s.fragments.binary()) {
          s.fragments.end();
          s.lastHeard = System.currentTimeMillis();
          reject(conn, s, new ProtocolError("binary_not_supported", "Send JSON text frames."));
        } else {
          message(conn, s, room, principal, s.fragments.text());
        }
      } else {
        s.lastHeard = System.currentTimeMillis(); // a long message arriving is not silence
      }
    });
    // A frame over MAX_FRAME: the decoder stops at its header, and the socket is closed as for a
    // message over the limit in several frames.
    Context context = vertx.getOrCreateContext();
    conn.onFrameTooLong(() -> context.runOnContext(v -> tooBig(conn, s)));
    Runnable gone = () -> s.leave(conn);
    conn.onStuck(gone);
    ws.closeHandler(v -> {
      metrics.sockets.decrementAndGet();
      vertx.cancelTimer(helloTimer);
      vertx.cancelTimer(silenceTimer);
      conn.markClosed();
      if (!conn.abandoned()) gone.run(); // a socket given up for not reading was reported already
    });
    ws.exceptionHandler(e -> log.debug("Socket {}: {}", conn.id(), e.getMessage()));
  }

  /** A whole text message (one frame's, or several frames' put together): checked, decoded and handed to the room. */
  private void message(WsConnection conn, SocketState s, UUID room, Principal principal, String text) {
    s.lastHeard = System.currentTimeMillis();
    if (!s.allow()) {
      refuse(conn, s);
      return;
    }
    if (text.length() > MAX_MESSAGE) {
      reject(conn, s, new ProtocolError("too_large", "A message can be at most " + MAX_MESSAGE / 1024 + " KiB."));
      return;
    }
    ClientMessage msg;
    try {
      msg = ClientFrames.decode(text);
    } catch (ProtocolError e) {
      reject(conn, s, e);
      return;
    }
    if (s.room == null) {
      if (!(msg instanceof ClientMessage.Hello hello)) {
        reject(conn, s, ProtocolError.invalid("The first message must be hello."));
      } else {
        join(conn, s, room, principal, hello, text);
      }
      return;
    }
    // In order, and only once the join is done (callbacks of one future run in the order added).
    s.room.onSuccess(h -> h.handle(conn, msg, text));
  }

  /**
   * Finds the room (here or at its owner) and joins it. Until the join is done, later messages
   * wait behind it; a refused hello lets the socket say hello again; a room that moved or is gone
   * closes the socket so that the client reconnects and is routed afresh.
   */
  private void join(WsConnection conn, SocketState s, UUID roomId, Principal principal, ClientMessage.Hello hello, String text) {
    io.vertx.core.Promise<RoomHandle> joined = io.vertx.core.Promise.promise();
    s.room = joined.future();
    rooms.open(roomId).compose(handle -> {
      if (handle.isEmpty()) {
        // The handshake found the session; now there is none: it was deleted meanwhile.
        conn.close(io.mockroom.room.Room.DELETED, io.mockroom.room.Room.DELETED_REASON);
        return Future.<RoomHandle>failedFuture(new IllegalStateException("no room " + roomId));
      }
      return handle.get().join(conn, principal, hello, text).compose(ok -> {
        if (ok) return Future.succeededFuture(handle.get());
        conn.close((short) 1012, "room moved");
        return Future.failedFuture(new IllegalStateException("room " + roomId + " moved"));
      });
    }).onComplete(ar -> {
      if (ar.succeeded()) {
        joined.complete(ar.result());
        return;
      }
      s.room = null; // not joined: the next message must be a hello again
      joined.fail(ar.cause());
      if (ar.cause() instanceof ProtocolError pe) {
        reject(conn, s, pe);
      } else if (!(ar.cause() instanceof IllegalStateException)) {
        log.warn("Socket {}: could not join room {}: {}", conn.id(), roomId, ar.cause().getMessage());
        conn.send(new ServerMessage.Error("unavailable", "The room cannot be opened right now; reconnecting."));
        conn.close((short) 1013, "try again");
      }
    });
  }

  private static final class SocketState {
    volatile long lastHeard = System.currentTimeMillis();
    /** The message arriving in several frames, if any. */
    final FragmentedMessage fragments = new FragmentedMessage(MAX_FRAME);
    private double tokens = RATE_BURST;
    private long refilled = System.nanoTime();

    /** Token bucket per socket (not per address: every client of a load test shares 127.0.0.1). */
    boolean allow() {
      long now = System.nanoTime();
      tokens = Math.min(RATE_BURST, tokens + (now - refilled) / 1e9 * RATE_PER_SECOND);
      refilled = now;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    }

    /** The room this socket said hello to, once joined; null until the hello (or after a refused one). */
    volatile Future<RoomHandle> room;

    /** The socket closed or was given up: the room (if joined) is told once. */
    void leave(WsConnection conn) {
      Future<RoomHandle> r = room;
      room = null;
      if (r != null) r.onSuccess(h -> h.disconnected(conn));
    }

    /** Bad messages and rate refusals in the current minute (counted apart: see {@link #MAX_REFUSED_PER_MINUTE}). */
    private long windowStart;
    private int errors;
    private int refused;
    /** Set once the socket is being closed (for abuse, or a message too big): from then on nothing it sends is handled. */
    volatile boolean closing;

    private void newMinute() {
      long now = System.currentTimeMillis();
      if (now - windowStart > 60_000) {
        windowStart = now;
        errors = 0;
        refused = 0;
      }
    }
  }

  /** A bad message: answered with its error; too many in a minute close the socket. */
  private void reject(WsConnection conn, SocketState s, ProtocolError e) {
    conn.send(ServerMessage.Error.of(e));
    s.newMinute();
    if (++s.errors > MAX_ERRORS_PER_MINUTE) closeForAbuse(conn, s, "too many bad messages", s.errors);
  }

  /**
   * A message over the socket's rate: dropped and answered {@code rate_limited}. Not a bad
   * message: only a client that keeps sending over the rate for seconds is closed.
   */
  private void refuse(WsConnection conn, SocketState s) {
    conn.send(new ServerMessage.Error("rate_limited", "Too many messages; slow down (at most "
        + (int) RATE_PER_SECOND + " a second)."));
    s.newMinute();
    if (++s.refused > MAX_REFUSED_PER_MINUTE) closeForAbuse(conn, s, "too many messages", s.refused);
  }

  /**
   * Closes a socket for abuse, once: one log line, and from now on its frames are dropped unread
   * ({@link #closeAfterReplies}).
   */
  private void closeForAbuse(WsConnection conn, SocketState s, String reason, int count) {
    if (s.closing) return;
    log.info("Socket {}: closed for abuse ({}: {} in a minute); nothing more it sends is handled", conn.id(), reason, count);
    closeAfterReplies(conn, s, POLICY, reason);
  }

  /**
   * A message over {@link #MAX_FRAME} bytes, in one frame or in several: the socket is closed with
   * {@link #TOO_BIG} and a reason that says the limit, after what the room owes it. The message
   * is not read further (nor kept: what was collected of it is let go), and nothing the socket
   * sends after it is handled.
   */
  private void tooBig(WsConnection conn, SocketState s) {
    if (s.closing) return;
    s.fragments.end();
    log.info("Socket {}: closed, a message over {} bytes", conn.id(), MAX_FRAME);
    closeAfterReplies(conn, s, TOO_BIG, TOO_BIG_REASON);
  }

  /**
   * Closes a socket, once; from now on its frames are dropped unread. A joined socket is closed
   * by its room, after the replies already owed to it (pongs, errors, confirmations waiting for
   * their commit), so the close frame never overtakes them and what it sent before is applied
   * for everyone; the gateway closes it itself if the room has not within
   * {@link #ABUSE_CLOSE_WAIT_MS}. A peer that does not answer the close frame loses its TCP
   * connection after the server's WebSocket closing timeout ({@code MockroomServer}).
   */
  private void closeAfterReplies(WsConnection conn, SocketState s, short code, String reason) {
    if (s.closing) return;
    s.closing = true;
    vertx.setTimer(ABUSE_CLOSE_WAIT_MS, t -> conn.close(code, reason));
    Future<RoomHandle> joined = s.room;
    if (joined == null) {
      conn.close(code, reason);
      return;
    }
    joined.onComplete(ar -> {
      if (ar.succeeded()) ar.result().closeAfterReplies(conn, code, reason);
      else conn.close(code, reason);
    });
  }

  private Future<Optional<Account>> account(ServerWebSocketHandshake hs) {
    String header = hs.headers().get("Cookie");
    if (header == null) return Future.succeededFuture(Optional.empty());
    return ServerCookieDecoder.STRICT.decode(header).stream()
        .filter(c -> c.name().equals(Authn.COOKIE))
        .findFirst()
        .map(c -> accounts.byLogin(c.value()))
        .orElse(Future.succeededFuture(Optional.empty()));
  }

}
