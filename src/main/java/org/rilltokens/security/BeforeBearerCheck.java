package org.rilltokens.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Fired by the authentication mechanism for every protected API request, before its token is looked at,
 * so that an endpoint with transport rules of its own (MCP: no foreign browser origin, POST only) can turn a
 * request away first, whoever sends it. An observer that refuses names the answer; the mechanism sends it. An
 * observer may also name the endpoint's protected resource metadata, which the mechanism's 401 then points to.
 */
public final class BeforeBearerCheck {

    /** The answer to a request turned away: status, extra headers and a JSON body. */
    public record Refusal(int status, Map<String, String> headers, String json) {
    }

    private final HttpServletRequest request;
    private Refusal refusal;
    private String resourceMetadata;

    BeforeBearerCheck(HttpServletRequest request) {
        this.request = Objects.requireNonNull(request);
    }

    public HttpServletRequest request() {
        return request;
    }

    /** Turns the request away; the first refusal wins. */
    public void refuse(int status, Map<String, String> headers, String json) {
        if (refusal == null) {
            refusal = new Refusal(status, Map.copyOf(headers), json);
        }
    }

    Optional<Refusal> refusal() {
        return Optional.ofNullable(refusal);
    }

    /**
     * Says that the endpoint is an OAuth protected resource whose metadata (RFC 9728) is at {@code url}: a client
     * refused for want of a token is told where to find out how to get one.
     */
    public void protectedResource(String url) {
        resourceMetadata = Objects.requireNonNull(url);
    }

    Optional<String> resourceMetadata() {
        return Optional.ofNullable(resourceMetadata);
    }
}
