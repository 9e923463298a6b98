package org.rilltokens.mcp.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class McpPathTest {

    @Test
    void readsOrgAndProjectFromTheMcpPathOnly() {
        assertThat(McpPath.of("/v1/organizations/acme/projects/sales/runtime/mcp")).contains(new McpPath("acme", "sales"));
        assertThat(McpPath.of("/v1/organizations/acme/projects/sales/runtime/api/recent_orders")).isEmpty();
        assertThat(McpPath.of("/v1/organizations/acme/projects/sales/runtime/mcp/")).isEmpty();
        assertThat(McpPath.of("/v1/organizations/acme/x/projects/sales/runtime/mcp")).isEmpty();
        assertThat(McpPath.of("/v1/users/current")).isEmpty();
        assertThat(McpPath.of(null)).isEmpty();
    }

    @Test
    void anOrganizationHasOneEndpointAcrossItsProjects() {
        assertThat(McpPath.of("/v1/organizations/acme/mcp")).contains(McpPath.orgWide("acme"));
        assertThat(McpPath.orgWide("acme").isOrgWide()).isTrue();
        assertThat(McpPath.orgWide("acme").url("https://t.example")).isEqualTo("https://t.example/v1/organizations/acme/mcp");
        assertThat(McpPath.of("/v1/organizations/acme/mcp/x")).isEmpty();
        assertThat(McpPath.of("/v1/organizations/mcp")).isEmpty();
    }

    @Test
    void everyEndpointHasItsProtectedResourceMetadataBelowTheWellKnownPrefix() {
        assertThat(new McpPath("acme", "sales").metadataPath())
                .isEqualTo("/.well-known/oauth-protected-resource/v1/organizations/acme/projects/sales/runtime/mcp");
        assertThat(McpPath.ofMetadataPath("/.well-known/oauth-protected-resource/v1/organizations/acme/mcp"))
                .contains(McpPath.orgWide("acme"));
        assertThat(McpPath.ofMetadataPath("/.well-known/oauth-protected-resource")).isEmpty();
        assertThat(McpPath.ofMetadataPath("/.well-known/oauth-authorization-server")).isEmpty();
    }

    @Test
    void buildsTheUrlUsersPasteIntoTheirClient() {
        assertThat(new McpPath("acme", "sales").url("http://localhost:8080"))
                .isEqualTo("http://localhost:8080/v1/organizations/acme/projects/sales/runtime/mcp");
    }
}
