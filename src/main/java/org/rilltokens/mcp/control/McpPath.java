package org.rilltokens.mcp.control;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The project an MCP request talks to: {@code /v1/organizations/{org}/projects/{project}/runtime/mcp}. */
public record McpPath(String org, String project) {

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

    /** The endpoint's URL below a server address such as {@code https://rill.example.com}. */
    public String url(String server) {
        return server + "/v1/organizations/" + org + "/projects/" + project + "/runtime/mcp";
    }
}
