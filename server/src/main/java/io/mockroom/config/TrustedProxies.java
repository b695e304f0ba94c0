package io.mockroom.config;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The reverse proxies whose {@code X-Forwarded-For} header is believed
 * ({@code MOCKROOM_TRUSTED_PROXIES}): IP addresses and CIDR ranges, IPv4 and IPv6. Empty trusts
 * nobody. Only literals are read; nothing here ever asks DNS.
 *
 * @param ranges the trusted ranges; a single address is a range of its full length (/32, /128)
 */
public record TrustedProxies(List<Range> ranges) {

  /**
   * Addresses whose first {@code prefix} bits equal those of {@code network} (whose other bits
   * are zero). An IPv4 range never contains an IPv6 address and the other way round, except that
   * IPv4-mapped IPv6 addresses ({@code ::ffff:10.0.0.1}) are read as the IPv4 address they map.
   */
  public record Range(InetAddress network, int prefix) {
    public boolean contains(InetAddress address) {
      byte[] a = address.getAddress();
      byte[] n = network.getAddress();
      if (a.length != n.length) return false;
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (a[i] != n[i]) return false;
      }
      int rest = prefix % 8;
      if (rest == 0) return true;
      int mask = (0xff << (8 - rest)) & 0xff;
      return (a[full] & mask) == (n[full] & mask);
    }

    @Override
    public String toString() {
      return network.getHostAddress() + "/" + prefix;
    }
  }

  private static final Pattern IPV4 = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*");

  public TrustedProxies {
    ranges = List.copyOf(ranges);
  }

  public static TrustedProxies none() {
    return new TrustedProxies(List.of());
  }

  /** A comma-separated list such as {@code 10.0.0.0/8, 192.168.1.7, fd00::/8}; blank entries are skipped. */
  public static TrustedProxies parse(String key, String raw) {
    List<Range> ranges = new ArrayList<>();
    for (String entry : raw.split(",")) {
      String e = entry.trim();
      if (e.isEmpty()) continue;
      ranges.add(range(key, e));
    }
    return new TrustedProxies(ranges);
  }

  private static Range range(String key, String entry) {
    int slash = entry.indexOf('/');
    String host = slash < 0 ? entry : entry.substring(0, slash);
    Optional<InetAddress> address = literal(host);
    if (address.isEmpty()) throw new ConfigException(key, "'" + entry + "' is not an IP address or CIDR range");
    InetAddress network = address.get();
    int bits = network.getAddress().length * 8;
    int prefix = bits;
    if (slash >= 0) {
      String p = entry.substring(slash + 1);
      if (!p.matches("0|[1-9][0-9]{0,2}") || Integer.parseInt(p) > bits) {
        throw new ConfigException(key, "'" + entry + "' is not an IP address or CIDR range (the prefix length must be 0.." + bits + ")");
      }
      prefix = Integer.parseInt(p);
    }
    Range range = new Range(network, prefix);
    InetAddress masked = masked(network, prefix);
    if (!masked.equals(network)) {
      // 10.1.0.0/8 is more likely a typo for 10.1.0.0/16 than a wish to trust all of 10.0.0.0/8.
      throw new ConfigException(key, "'" + entry + "' has bits set after the first " + prefix
          + "; did you mean " + masked.getHostAddress() + "/" + prefix + "?");
    }
    return range;
  }

  private static InetAddress masked(InetAddress address, int prefix) {
    byte[] b = address.getAddress();
    for (int i = 0; i < b.length; i++) {
      int keep = Math.max(0, Math.min(8, prefix - i * 8));
      b[i] = (byte) (b[i] & ((0xff << (8 - keep)) & 0xff));
    }
    try {
      return InetAddress.getByAddress(b);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e); // cannot happen: 4 or 16 bytes
    }
  }

  /**
   * An IPv4 literal ({@code 203.0.113.7}) or IPv6 literal ({@code 2001:db8::1}, optionally in
   * brackets, a zone suffix {@code %eth0} dropped); empty for anything else, host names included.
   * Never asks DNS: a string is handed to {@link InetAddress#getByName} only when it has the
   * shape of a literal (a valid dotted quad, or hex digits, dots and at least one colon starting
   * with a hex digit or a colon), and for those Java parses or fails instead of looking up.
   */
  public static Optional<InetAddress> literal(String text) {
    if (text == null) return Optional.empty();
    String s = text.trim();
    if (s.startsWith("[") && s.endsWith("]")) s = s.substring(1, s.length() - 1);
    int zone = s.indexOf('%');
    if (zone >= 0 && s.contains(":")) s = s.substring(0, zone);
    if (s.isEmpty() || s.length() > 45) return Optional.empty();
    boolean v4 = IPV4.matcher(s).matches();
    if (v4) {
      for (String part : s.split("\\.")) {
        if (Integer.parseInt(part) > 255) return Optional.empty();
      }
    } else if (!s.contains(":") || !IPV6.matcher(s).matches()) {
      return Optional.empty();
    }
    try {
      InetAddress a = InetAddress.getByName(s);
      // A literal with a colon is IPv6 (or IPv4-mapped IPv6, which Java returns as IPv4).
      return v4 && !(a instanceof Inet4Address) ? Optional.empty() : Optional.of(a);
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  public boolean isEmpty() {
    return ranges.isEmpty();
  }

  public boolean contains(InetAddress address) {
    for (Range r : ranges) {
      if (r.contains(address)) return true;
    }
    return false;
  }

  /** The list as it could be written back into the variable, e.g. {@code 10.0.0.0/8,0:0:0:0:0:0:0:1/128}. */
  @Override
  public String toString() {
    return ranges.stream().map(Range::toString).collect(Collectors.joining(","));
  }
}
