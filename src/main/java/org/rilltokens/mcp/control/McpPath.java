package org.rilltokens.mcp.control;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The project an MCP request talks to: {@code /v1/organizations/{org}/projects/{project}/runtime/mcp}. */
public record McpPath(String org, String project) implements Serializable {

    public static final String PROTECTED_RESOURCE_METADATA = "/.well-known/oauth-protected-resource";

    private static final Pattern MCP = Pattern.compile("/v1/organizations/([^/]+)/projects/([^/]+)/runtime/mcp");

    public McpPath {
        Objects.requireNonNull(org);
        Objects.requireNonNull(project);
    }

    /** @param path the decoded request path below the context root; empty for every other path */
    public static Optional<McpPath> of(String path) {
        if (path == null) {
            return Optional.empty();
        }
        Matcher matcher = MCP.matcher(path);
        return matcher.matches() ? Optional.of(new McpPath(matcher.group(1), matcher.group(2))) : Optional.empty();
    }

    /** The endpoint's path below the server's address. */
    public String path() {
        return "/v1/organizations/" + org + "/projects/" + project + "/runtime/mcp";
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
}
