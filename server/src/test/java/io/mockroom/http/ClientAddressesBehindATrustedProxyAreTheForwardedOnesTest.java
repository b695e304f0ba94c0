package io.mockroom.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mockroom.config.ConfigException;
import io.mockroom.config.TrustedProxies;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ClientAddress} and {@link TrustedProxies}: who the client is when a request passes
 * through reverse proxies, and why a client cannot choose its own address by sending the header.
 */
class ClientAddressesBehindATrustedProxyAreTheForwardedOnesTest {
  static final String KEY = "MOCKROOM_TRUSTED_PROXIES";

  static TrustedProxies trust(String list) {
    return TrustedProxies.parse(KEY, list);
  }

  static InetAddress ip(String literal) {
    return TrustedProxies.literal(literal).orElseThrow(() -> new AssertionError("not a literal: " + literal));
  }

  static String client(String trusted, String peer, String... forwardedFor) {
    return new ClientAddress(trust(trusted)).of(peer, List.of(forwardedFor));
  }

  // ------------------------------------------------------------------------------------------
  // Parsing the list

  @Test
  void aListOfAddressesAndRangesIsParsedInBothFamilies() {
    TrustedProxies p = trust(" 10.0.0.0/8, 192.168.1.7 ,,2001:db8::/32, ::1, [fd00::5]");
    assertThat(p.ranges()).extracting(Object::toString).containsExactly(
        "10.0.0.0/8", "192.168.1.7/32", "2001:db8:0:0:0:0:0:0/32", "0:0:0:0:0:0:0:1/128", "fd00:0:0:0:0:0:0:5/128");
    assertThat(trust("").isEmpty()).isTrue();
    assertThat(trust(" , ").isEmpty()).isTrue();
    assertThat(TrustedProxies.none().contains(ip("127.0.0.1"))).isFalse();
  }

  @Test
  void badEntriesFailNamingTheKeyAndTheEntry() {
    assertThatThrownBy(() -> trust("10.0.0.300/8")).isInstanceOf(ConfigException.class)
        .hasMessage("MOCKROOM_TRUSTED_PROXIES: '10.0.0.300/8' is not an IP address or CIDR range");
    assertThatThrownBy(() -> trust("10.0.0.0/8, proxy.internal"))
        .hasMessage("MOCKROOM_TRUSTED_PROXIES: 'proxy.internal' is not an IP address or CIDR range");
    assertThatThrownBy(() -> trust("10.0.0.0/33"))
        .hasMessageStartingWith("MOCKROOM_TRUSTED_PROXIES: '10.0.0.0/33' is not an IP address or CIDR range (the prefix length must be 0..32)");
    assertThatThrownBy(() -> trust("fd00::/129")).hasMessageContaining("0..128");
    assertThatThrownBy(() -> trust("10.0.0.0/")).hasMessageStartingWith("MOCKROOM_TRUSTED_PROXIES: '10.0.0.0/'");
    assertThatThrownBy(() -> trust("10.0.0.0/-1")).hasMessageStartingWith("MOCKROOM_TRUSTED_PROXIES: '10.0.0.0/-1'");
    assertThatThrownBy(() -> trust("10.0.0/8")).hasMessageStartingWith("MOCKROOM_TRUSTED_PROXIES: '10.0.0/8'");
    assertThatThrownBy(() -> trust("2001:db8:::1")).hasMessageStartingWith("MOCKROOM_TRUSTED_PROXIES: '2001:db8:::1'");
    assertThatThrownBy(() -> trust("localhost")).hasMessageStartingWith("MOCKROOM_TRUSTED_PROXIES: 'localhost'");
    // Host bits after the prefix are more likely a typo than a wish to trust the larger range.
    assertThatThrownBy(() -> trust("10.1.0.0/8"))
        .hasMessage("MOCKROOM_TRUSTED_PROXIES: '10.1.0.0/8' has bits set after the first 8; did you mean 10.0.0.0/8?");
  }

  @Test
  void onlyLiteralsAreAddressesNeverHostNames() {
    assertThat(TrustedProxies.literal("203.0.113.7")).contains(ip("203.0.113.7"));
    assertThat(TrustedProxies.literal("2001:DB8::1")).contains(ip("2001:db8::1"));
    assertThat(TrustedProxies.literal("[2001:db8::1]")).contains(ip("2001:db8::1"));
    assertThat(TrustedProxies.literal("fe80::1%eth0")).contains(ip("fe80::1"));
    for (String notALiteral : new String[] {"example.com", "localhost", "unknown", "_hidden", "1.2.3", "1.2.3.4.5",
        "256.1.1.1", "01.2.3.4", "1.2.3.4 5", "", " ", ".::1", "::g", "1::2::3", "0x7f.0.0.1", "2130706433"}) {
      assertThat(TrustedProxies.literal(notALiteral)).as("'" + notALiteral + "'").isEmpty();
    }
  }

  // ------------------------------------------------------------------------------------------
  // Matching

  @Test
  void ipv4RangesContainExactlyTheirAddresses() {
    TrustedProxies p = trust("172.16.0.0/12, 192.168.1.7, 10.1.2.128/25");
    assertThat(p.contains(ip("172.16.0.0"))).isTrue();
    assertThat(p.contains(ip("172.31.255.255"))).isTrue();
    assertThat(p.contains(ip("172.32.0.0"))).isFalse();
    assertThat(p.contains(ip("172.15.255.255"))).isFalse();
    assertThat(p.contains(ip("192.168.1.7"))).isTrue();
    assertThat(p.contains(ip("192.168.1.8"))).isFalse();
    assertThat(p.contains(ip("10.1.2.128"))).isTrue();
    assertThat(p.contains(ip("10.1.2.255"))).isTrue();
    assertThat(p.contains(ip("10.1.2.127"))).isFalse();
    assertThat(trust("0.0.0.0/0").contains(ip("203.0.113.7"))).isTrue();
    assertThat(trust("0.0.0.0/0").contains(ip("2001:db8::1"))).as("an IPv4 range holds no IPv6 address").isFalse();
  }

  @Test
  void ipv6RangesContainExactlyTheirAddresses() {
    TrustedProxies p = trust("2001:db8:abcd::/48, fd00::7, 2001:db8:1::/63");
    assertThat(p.contains(ip("2001:db8:abcd:ffff:ffff:ffff:ffff:ffff"))).isTrue();
    assertThat(p.contains(ip("2001:db8:abce::"))).isFalse();
    assertThat(p.contains(ip("fd00::7"))).isTrue();
    assertThat(p.contains(ip("fd00:0:0:0:0:0:0:7"))).as("another spelling of the same address").isTrue();
    assertThat(p.contains(ip("fd00::8"))).isFalse();
    assertThat(p.contains(ip("2001:db8:1:1::1"))).isTrue();
    assertThat(p.contains(ip("2001:db8:1:2::1"))).isFalse();
    assertThat(trust("::/0").contains(ip("10.0.0.1"))).as("an IPv6 range holds no IPv4 address").isFalse();
    // An IPv4-mapped IPv6 address (a dual-stack socket's view of an IPv4 peer) is that IPv4 address.
    assertThat(trust("10.0.0.0/8").contains(ip("::ffff:10.1.2.3"))).isTrue();
  }

  // ------------------------------------------------------------------------------------------
  // Choosing the client

  @Test
  void withoutTrustedProxiesTheHeaderIsIgnored() {
    assertThat(client("", "127.0.0.1", "203.0.113.7")).isEqualTo("127.0.0.1");
    assertThat(client("", "198.51.100.4")).isEqualTo("198.51.100.4");
  }

  @Test
  void aPeerThatIsNotATrustedProxyIsTheClientWhateverItSends() {
    assertThat(client("10.0.0.0/8", "198.51.100.4", "203.0.113.7")).isEqualTo("198.51.100.4");
    assertThat(client("10.0.0.0/8", "198.51.100.4", "10.0.0.2")).isEqualTo("198.51.100.4");
  }

  @Test
  void behindATrustedProxyTheRightMostUntrustedEntryIsTheClient() {
    assertThat(client("10.0.0.0/8", "10.0.0.2", "203.0.113.7")).isEqualTo("203.0.113.7");
    // Two of our proxies in a row (a CDN edge in 10/8, then the ingress): both are skipped.
    assertThat(client("10.0.0.0/8", "10.0.0.2", "203.0.113.7, 10.9.9.9")).isEqualTo("203.0.113.7");
    // No header at all: the proxy itself is the client (a health check, say).
    assertThat(client("10.0.0.0/8", "10.0.0.2")).isEqualTo("10.0.0.2");
    // Only proxies in the header: the left-most of them.
    assertThat(client("10.0.0.0/8", "10.0.0.2", "10.0.0.3, 10.0.0.4")).isEqualTo("10.0.0.3");
  }

  @Test
  void entriesAClientWroteItselfLeftOfTheProxysOwnAreIgnored() {
    // The client sent "X-Forwarded-For: 1.1.1.1, 10.0.0.9" hoping to be 1.1.1.1 (or a trusted
    // proxy); our proxy appended the address it really saw.
    assertThat(client("10.0.0.0/8", "10.0.0.2", "1.1.1.1, 10.0.0.9, 203.0.113.7")).isEqualTo("203.0.113.7");
    // The same when the proxy adds a header of its own instead of appending to the client's.
    assertThat(client("10.0.0.0/8", "10.0.0.2", "1.1.1.1", "203.0.113.7")).isEqualTo("203.0.113.7");
  }

  @Test
  void aMalformedEntryStopsTheWalkAtTheLastAddressBelieved() {
    assertThat(client("10.0.0.0/8", "10.0.0.2", "unknown")).isEqualTo("10.0.0.2");
    assertThat(client("10.0.0.0/8", "10.0.0.2", "203.0.113.7, evil.example, 10.0.0.3")).isEqualTo("10.0.0.3");
    assertThat(client("10.0.0.0/8", "10.0.0.2", "203.0.113.7, 999.1.1.1")).isEqualTo("10.0.0.2");
    assertThat(client("10.0.0.0/8", "10.0.0.2", "203.0.113.7, [2001:db8::1")).isEqualTo("10.0.0.2");
    assertThat(client("10.0.0.0/8", "10.0.0.2", "203.0.113.7, 1.2.3.4:http")).isEqualTo("10.0.0.2");
    // Garbage left of the client's address is never reached.
    assertThat(client("10.0.0.0/8", "10.0.0.2", "<script>, , 203.0.113.7")).isEqualTo("203.0.113.7");
  }

  @Test
  void portsAreDroppedAndEachAddressHasOneSpelling() {
    assertThat(client("10.0.0.0/8", "10.0.0.2", "203.0.113.7:51234")).isEqualTo("203.0.113.7");
    assertThat(client("10.0.0.0/8", "10.0.0.2", "[2001:DB8::7]:443")).isEqualTo("2001:db8:0:0:0:0:0:7");
    assertThat(client("10.0.0.0/8", "10.0.0.2", "2001:db8:0::7")).isEqualTo("2001:db8:0:0:0:0:0:7");
    assertThat(client("fd00::/8", "fd00::1", "203.0.113.7")).isEqualTo("203.0.113.7");
    assertThat(client("10.0.0.0/8", "::ffff:10.0.0.2", "203.0.113.7")).as("IPv4-mapped peer").isEqualTo("203.0.113.7");
  }

  @Test
  void anUnknownOrNonIpPeerIsKeptAsItIs() {
    assertThat(client("10.0.0.0/8", null, "203.0.113.7")).isEqualTo("?");
    assertThat(client("0.0.0.0/0", "/run/mockroom.sock", "203.0.113.7")).isEqualTo("/run/mockroom.sock");
  }
}
