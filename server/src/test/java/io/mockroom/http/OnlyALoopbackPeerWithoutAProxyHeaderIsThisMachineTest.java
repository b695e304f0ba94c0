package io.mockroom.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

/** The peers a real test connection cannot come from (tests talk to 127.0.0.1 only). */
class OnlyALoopbackPeerWithoutAProxyHeaderIsThisMachineTest {

  @Test
  void loopbackAddressesAreThisMachineAndOthersAreNot() {
    MultiMap none = MultiMap.caseInsensitiveMultiMap();
    assertThat(MetricsAccess.fromThisMachine("127.0.0.1", none)).isTrue();
    assertThat(MetricsAccess.fromThisMachine("127.3.4.5", none)).isTrue();
    assertThat(MetricsAccess.fromThisMachine("::1", none)).isTrue();
    assertThat(MetricsAccess.fromThisMachine("0:0:0:0:0:0:0:1", none)).isTrue();
    assertThat(MetricsAccess.fromThisMachine("10.0.0.5", none)).isFalse();
    assertThat(MetricsAccess.fromThisMachine("203.0.113.7", none)).isFalse();
    assertThat(MetricsAccess.fromThisMachine("2001:db8::1", none)).isFalse();
    assertThat(MetricsAccess.fromThisMachine("::ffff:10.0.0.5", none)).isFalse();
    assertThat(MetricsAccess.fromThisMachine("localhost", none)).isFalse(); // a name is not believed
    assertThat(MetricsAccess.fromThisMachine(null, none)).isFalse();
  }

  @Test
  void aProxyHeaderMakesEvenALoopbackPeerSomeoneElse() {
    assertThat(MetricsAccess.fromThisMachine("127.0.0.1", MultiMap.caseInsensitiveMultiMap().add("x-forwarded-for", "127.0.0.1"))).isFalse();
    assertThat(MetricsAccess.fromThisMachine("127.0.0.1", MultiMap.caseInsensitiveMultiMap().add("Forwarded", "for=\"[::1]\""))).isFalse();
    assertThat(MetricsAccess.fromThisMachine("::1", MultiMap.caseInsensitiveMultiMap().add("X-Real-IP", "10.0.0.5"))).isFalse();
  }
}
