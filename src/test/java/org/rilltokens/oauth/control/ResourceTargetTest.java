package org.rilltokens.oauth.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rilltokens.mcp.control.McpPath;
import org.rilltokens.web.PublicOrigin;

class ResourceTargetTest {

    private static final PublicOrigin OWN = PublicOrigin.of("https://tokens.example.com");

    @Test
    void aProjectEndpointOfThisServerIsItsProject() {
        assertThat(ResourceTarget.of("https://tokens.example.com/v1/organizations/acme/projects/sales/runtime/mcp", OWN))
                .contains(new McpPath("acme", "sales"));
        assertThat(ResourceTarget.of("HTTPS://Tokens.Example.com/v1/organizations/acme/projects/sales/runtime/mcp", OWN))
                .contains(new McpPath("acme", "sales"));
    }

    @Test
    void anythingElseIsNoResourceOfThisServer() {
        for (String other : new String[] {"https://other.example/v1/organizations/acme/projects/sales/runtime/mcp",
                "http://tokens.example.com/v1/organizations/acme/projects/sales/runtime/mcp",
                "https://tokens.example.com:8443/v1/organizations/acme/projects/sales/runtime/mcp",
                "https://tokens.example.com/v1/organizations/acme/projects/sales/runtime/mcp?x=1",
                "https://tokens.example.com/v1/organizations/acme/projects/sales/runtime/mcp#f",
                "https://tokens.example.com/v1/users/current", "https://tokens.example.com", "not a url", ""}) {
            assertThat(ResourceTarget.of(other, OWN)).as(other).isEmpty();
        }
        assertThat(ResourceTarget.of(null, OWN)).isEmpty();
    }

    @Test
    void withoutAPublicUrlTheLoopbackAddressIsThisServer() {
        PublicOrigin local = PublicOrigin.loopback(8080);
        assertThat(ResourceTarget.of("http://localhost:8080/v1/organizations/acme/projects/ops/runtime/mcp", local))
                .contains(new McpPath("acme", "ops"));
        assertThat(ResourceTarget.of("http://evil.example:8080/v1/organizations/acme/projects/ops/runtime/mcp", local)).isEmpty();
    }
}
