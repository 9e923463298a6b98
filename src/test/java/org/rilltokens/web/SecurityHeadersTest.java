package org.rilltokens.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    @Test
    void aPageThatNeedsMoreKeepsEveryOtherDirective() {
        String policy = SecurityHeaders.policy(Map.of("img-src", "data:", "connect-src", "'self'"));
        assertThat(policy).contains("img-src 'self' data:", "connect-src 'self'", "frame-ancestors 'none'",
                "script-src 'self'", "default-src 'self'", "object-src 'none'");
        assertThat(SecurityHeaders.POLICY).doesNotContain("data:").contains("form-action 'self'");
    }
}
