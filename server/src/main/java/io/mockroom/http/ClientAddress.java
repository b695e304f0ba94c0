package io.mockroom.http;

import io.mockroom.config.TrustedProxies;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The address of the client a request comes from, for per-address limits (login throttling).
 *
 * <p>Without trusted proxies ({@code MOCKROOM_TRUSTED_PROXIES} empty) it is the socket's peer.
 * When the peer is a trusted proxy, {@code X-Forwarded-For} is read from the right: each proxy
 * appends the address it received the request from, so the right-most entries are written by
 * our own proxies and the left ones by whoever sent the request first — possibly a liar. The walk
 * skips entries that are trusted proxies and stops at the first one that is not: that is the
 * client. A malformed entry (a host name, {@code unknown}, garbage) stops the walk too, and the
 * last address believed so far (a trusted proxy's, or the peer) is used. A peer that is not a
 * trusted proxy is used as it is, whatever the header says: anyone can send it.
 *
 * <p>Entries may carry a port ({@code 203.0.113.7:4711}, {@code [2001:db8::1]:4711}), which is
 * dropped. Addresses come back in Java's text form ({@link InetAddress#getHostAddress()}), so one
 * address written two ways is one key. Nothing here asks DNS.
 */
public final class ClientAddress {
  public static final String HEADER = "X-Forwarded-For";

  private final TrustedProxies trusted;

  public ClientAddress(TrustedProxies trusted) {
    this.trusted = trusted;
  }

  /** The client's address of a request; {@code ?} when the peer is unknown. */
  public String of(HttpServerRequest request) {
    SocketAddress peer = request.remoteAddress();
    String host = peer == null ? null : peer.hostAddress();
    return of(host, trusted.isEmpty() ? List.of() : request.headers().getAll(HEADER));
  }

  /**
   * @param peer the socket's peer address as text (null when unknown)
   * @param forwardedFor every {@code X-Forwarded-For} header of the request, in the order received
   *     (several headers count as one comma-separated list, RFC 9110 §5.3)
   */
  public String of(String peer, List<String> forwardedFor) {
    if (peer == null) return "?";
    Optional<InetAddress> peerAddress = TrustedProxies.literal(peer);
    if (peerAddress.isEmpty()) return peer; // not an IP socket (e.g. a Unix domain socket): as it is
    InetAddress client = peerAddress.get();
    if (!trusted.contains(client)) return client.getHostAddress();
    List<String> hops = hops(forwardedFor);
    for (int i = hops.size() - 1; i >= 0; i--) {
      Optional<InetAddress> hop = entry(hops.get(i));
      if (hop.isEmpty()) break; // malformed: keep the last address believed
      client = hop.get();
      if (!trusted.contains(client)) break;
    }
    return client.getHostAddress();
  }

  private static List<String> hops(List<String> headers) {
    List<String> hops = new ArrayList<>();
    for (String header : headers) {
      if (header == null) continue;
      for (String part : header.split(",", -1)) {
        String p = part.trim();
        if (!p.isEmpty()) hops.add(p);
      }
    }
    return hops;
  }

  /** One entry: an address, optionally with a port ({@code a.b.c.d:port}, {@code [v6]:port}). */
  private static Optional<InetAddress> entry(String text) {
    String s = text;
    if (s.startsWith("[")) {
      int close = s.indexOf(']');
      if (close < 0) return Optional.empty();
      String rest = s.substring(close + 1);
      if (!rest.isEmpty() && !rest.matches(":[0-9]{1,5}")) return Optional.empty();
      s = s.substring(0, close + 1);
    } else if (s.indexOf(':') >= 0 && s.indexOf(':') == s.lastIndexOf(':')) {
      // Exactly one colon: IPv4 with a port (an IPv6 literal has at least two).
      String port = s.substring(s.indexOf(':') + 1);
      if (!port.matches("[0-9]{1,5}")) return Optional.empty();
      return TrustedProxies.literal(s.substring(0, s.indexOf(':'))).filter(a -> a instanceof Inet4Address);
    }
    return TrustedProxies.literal(s);
  }
}
