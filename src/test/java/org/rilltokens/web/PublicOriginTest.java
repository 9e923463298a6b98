package org.rilltokens.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PublicOriginTest {

    @Test
    void aConfiguredUrlIsNormalizedToItsOrigin() {
        assertThat(PublicOrigin.of("HTTPS://Tokens.Example.com/").base()).isEqualTo("https://tokens.example.com");
        assertThat(PublicOrigin.of("https://tokens.example.com:443").base()).isEqualTo("https://tokens.example.com");
        assertThat(PublicOrigin.of("http://10.0.0.5:8080").base()).isEqualTo("http://10.0.0.5:8080");
        assertThat(PublicOrigin.of("https://tokens.example.com").isHttps()).isTrue();
    }

    @Test
    void aUrlWithAPathQueryOrUserIsRefusedAtStartRatherThanProducingWrongLinks() {
        for (String wrong : new String[] {"https://tokens.example.com/rill", "tokens.example.com", "ftp://tokens.example.com",
                "https://tokens.example.com/?a=b", "https://user@tokens.example.com"}) {
            assertThatThrownBy(() -> PublicOrigin.of(wrong)).as(wrong).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("RILL_PUBLIC_URL");
        }
    }

    @Test
    void withoutAPublicUrlOnlyLoopbackNamesAreThisServer() {
        PublicOrigin own = PublicOrigin.loopback(8080);
        assertThat(own.base()).isEqualTo("http://localhost:8080");
        assertThat(own.acceptsHost("localhost:8080")).isTrue();
        assertThat(own.acceptsHost("127.0.0.1:9999")).isTrue();
        assertThat(own.acceptsHost("[::1]:8080")).isTrue();
        assertThat(own.acceptsHost("evil.example:8080")).isFalse();
        assertThat(own.acceptsHost("localhost.evil.example")).isFalse();
        assertThat(own.acceptsOrigin("http://127.0.0.1:8080")).isTrue();
        assertThat(own.acceptsOrigin("http://localhost:3000")).isFalse();
        assertThat(own.acceptsOrigin("http://evil.example:8080")).isFalse();
    }

    @Test
    void aPublicUrlAcceptsExactlyItsHostAndOrigin() {
        PublicOrigin own = PublicOrigin.of("https://tokens.example.com");
        assertThat(own.acceptsHost("tokens.example.com")).isTrue();
        assertThat(own.acceptsHost("tokens.example.com:443")).isTrue();
        assertThat(own.acceptsHost("localhost:8080")).isFalse();
        assertThat(own.acceptsOrigin("https://tokens.example.com")).isTrue();
        assertThat(own.acceptsOrigin("http://tokens.example.com")).isFalse();
        assertThat(own.acceptsOrigin("https://tokens.example.com:8443")).isFalse();
        assertThat(own.acceptsOrigin("null")).isFalse();
    }
}
