package org.rilltokens.oauth.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedirectUriTest {

    @Test
    void httpsAnywhereAndHttpOnlyOnLoopback() {
        assertThat(RedirectUri.parse("https://claude.ai/api/mcp/auth_callback").isLoopback()).isFalse();
        assertThat(RedirectUri.parse("http://127.0.0.1:33418/callback").isLoopback()).isTrue();
        assertThat(RedirectUri.parse("http://[::1]:33418/callback").host()).isEqualTo("[::1]");
        assertThat(RedirectUri.parse("http://localhost:3000/callback").isLoopback()).isTrue();
        for (String refused : new String[] {"http://evil.example/cb", "https://claude.ai/cb#fragment", "cursor://callback",
                "https://user@claude.ai/cb", "/relative", "javascript:alert(1)", ""}) {
            assertThatThrownBy(() -> RedirectUri.parse(refused)).as(refused).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> RedirectUri.parse("https://claude.ai/" + "x".repeat(1000)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void matchingIsExactExceptForALoopbackPort() {
        RedirectUri web = RedirectUri.parse("https://claude.ai/cb");
        assertThat(web.admits("https://claude.ai/cb")).isTrue();
        assertThat(web.admits("https://claude.ai/cb/")).isFalse();
        assertThat(web.admits("https://claude.ai/cb?x=1")).isFalse();
        assertThat(web.admits("https://CLAUDE.ai/cb")).isFalse();
        RedirectUri desktop = RedirectUri.parse("http://127.0.0.1:33418/callback");
        assertThat(desktop.admits("http://127.0.0.1:50000/callback")).isTrue();
        assertThat(desktop.admits("http://127.0.0.1/callback")).isTrue();
        assertThat(desktop.admits("http://127.0.0.1:50000/other")).isFalse();
        assertThat(desktop.admits("http://localhost:33418/callback")).isFalse();
        assertThat(desktop.admits("https://127.0.0.1:33418/callback")).isFalse();
        assertThat(desktop.admits("http://127.0.0.1:50000/callback#x")).isFalse();
    }

    @Test
    void theAnswerIsAddedToTheQueryTheClientRegistered() {
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("code", "a b");
        answer.put("state", null);
        assertThat(RedirectUri.parse("https://app.example/cb?tenant=7").with(answer)).isEqualTo("https://app.example/cb?tenant=7&code=a+b");
        assertThat(RedirectUri.parse("http://127.0.0.1:1/cb").with(Map.of("code", "c"))).isEqualTo("http://127.0.0.1:1/cb?code=c");
        assertThat(RedirectUri.parse("http://127.0.0.1:1/cb").origin()).isEqualTo("http://127.0.0.1:1");
    }
}
