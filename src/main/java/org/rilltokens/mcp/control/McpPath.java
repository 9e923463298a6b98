package org.rilltokens.mcp.control;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The MCP endpoint a request talks to: one project's ({@code /v1/organizations/{org}/projects/{project}/runtime/mcp})
 * or an organization's, across its projects ({@code /v1/organizations/{org}/mcp}, {@code project} null).
 */
public record McpPath(String org, String project) implements Serializable {

    public static final String PROTECTED_RESOURCE_METADATA = "/.well-known/oauth-protected-resource";

    private static final Pattern PROJECT = Pattern.compile("/v1/organizations/([^/]+)/projects/([^/]+)/runtime/mcp");
    private static final Pattern ORG = Pattern.compile("/v1/organizations/([^/]+)/mcp");

    public McpPath {
        Objects.requireNonNull(org);
    }

    public static McpPath orgWide(String org) {
        return new McpPath(org, null);
    }

    /** @param path the decoded request path below the context root; empty for every other path */
    public static Optional<McpPath> of(String path) {
        if (path == null) {
            return Optional.empty();
        }
        Matcher project = PROJECT.matcher(path);
        if (project.matches()) {
            return Optional.of(new McpPath(project.group(1), project.group(2)));
        }
        Matcher org = ORG.matcher(path);
        return org.matches() ? Optional.of(orgWide(org.group(1))) : Optional.empty();
    }

    public boolean isOrgWide() {
        return project == null;
    }

    /** The endpoint's path below the server's address. */
    public String path() {
        return isOrgWide() ? "/v1/organizations/" + org + "/mcp" : "/v1/organizations/" + org + "/projects/" + project + "/runtime/mcp";
    }

    /** The endpoint's URL below a server address such as {@code https://rill.example.com}. */
    public String url(String server) {
        return server + path();
    }

    /** Where the endpoint's OAuth protected resource metadata is (RFC 9728 §3.1: the well-known prefix, then its path). */
    public String metadataPath() {
        return PROTECTED_RESOURCE_METADATA + path();
    }

    /** The endpoint whose protected resource metadata lives at {@code path}; empty for any other path. */
    public static Optional<McpPath> ofMetadataPath(String path) {
        return path != null && path.startsWith(PROTECTED_RESOURCE_METADATA + "/")
                ? of(path.substring(PROTECTED_RESOURCE_METADATA.length())) : Optional.empty();
    }

    /** {@code acme/sales}, or {@code acme} for the org-wide endpoint. */
    @Override
    public String toString() {
        return isOrgWide() ? org : org + "/" + project;
    }
}
