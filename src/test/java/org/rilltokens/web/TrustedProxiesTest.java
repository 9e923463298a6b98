package org.rilltokens.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    private final TrustedProxies proxies = TrustedProxies.of(List.of("10.0.0.0/8", "192.168.1.5", "fd00::/8"));

    @Test
    void addressesAndBlocksAreMatchedBitForBit() {
        assertThat(proxies.trusts("10.200.3.4")).isTrue();
        assertThat(proxies.trusts("11.0.0.1")).isFalse();
        assertThat(proxies.trusts("192.168.1.5")).isTrue();
        assertThat(proxies.trusts("192.168.1.6")).isFalse();
        assertThat(proxies.trusts("fd12::1")).isTrue();
        assertThat(proxies.trusts("fe80::1")).isFalse();
        assertThat(proxies.trusts("::ffff:10.1.1.1")).isTrue();
        assertThat(TrustedProxies.of(List.of("172.16.0.0/12")).trusts("172.31.255.255")).isTrue();
        assertThat(TrustedProxies.of(List.of("172.16.0.0/12")).trusts("172.32.0.0")).isFalse();
    }

    @Test
    void forwardedForIsIgnoredFromAnyoneElse() {
        assertThat(proxies.clientAddress("203.0.113.9", List.of("198.51.100.1"))).isEqualTo("203.0.113.9");
        assertThat(TrustedProxies.NONE.clientAddress("127.0.0.1", List.of("198.51.100.1"))).isEqualTo("127.0.0.1");
    }

    @Test
    void theClientIsTheNearestHopThatIsNoTrustedProxy() {
        assertThat(proxies.clientAddress("10.0.0.2", List.of("198.51.100.1"))).isEqualTo("198.51.100.1");
        // Whatever the client wrote itself (the left part) is never believed.
        assertThat(proxies.clientAddress("10.0.0.2", List.of("1.2.3.4, 198.51.100.1, 10.0.0.3"))).isEqualTo("198.51.100.1");
        assertThat(proxies.clientAddress("10.0.0.2", List.of("1.2.3.4", "198.51.100.1"))).isEqualTo("198.51.100.1");
        assertThat(proxies.clientAddress("10.0.0.2", List.of())).isEqualTo("10.0.0.2");
        assertThat(proxies.clientAddress("10.0.0.2", List.of("10.0.0.7"))).isEqualTo("10.0.0.7");
        assertThat(proxies.clientAddress("10.0.0.2", List.of("not-an-address"))).isEqualTo("10.0.0.2");
    }

    @Test
    void httpsIsTheConnectionsOrWhatATrustedProxyReceived() {
        assertThat(proxies.isHttps(true, "203.0.113.9", null)).isTrue();
        assertThat(proxies.isHttps(false, "10.0.0.2", "https")).isTrue();
        assertThat(proxies.isHttps(false, "10.0.0.2", "http")).isFalse();
        assertThat(proxies.isHttps(false, "203.0.113.9", "https")).isFalse();
    }

    @Test
    void namesAndBadBlocksAreRefusedRatherThanLookedUp() {
        for (String wrong : List.of("proxy.example.com", "10.0.0.0/33", "10.0.0.0/x", "300.1.1.1")) {
            assertThatThrownBy(() -> TrustedProxies.of(List.of(wrong))).as(wrong).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("RILL_TRUSTED_PROXIES");
        }
    }
}
