package org.rilltokens.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Where this server is, and who is talking to it, in one place. Links it hands out, the host and origin MCP
 * requests must name, and whether cookies need {@code Secure} come from {@code RILL_PUBLIC_URL} (default
 * {@code http://localhost:<port>}); the client's address and scheme come from the connection, or from
 * {@code X-Forwarded-For}/{@code -Proto} when the connection is from one of {@code RILL_TRUSTED_PROXIES}.
 */
@ApplicationScoped
public class PublicAddress {

    @Inject
    Config config;

    private Optional<PublicOrigin> configured;
    private TrustedProxies proxies;

    @PostConstruct
    void read() {
        configured = config.getOptionalValue("rill.public.url", String.class).filter(url -> !url.isBlank()).map(PublicOrigin::of);
        // Payara's config producer cannot inject an Optional<List<String>>; ask for the list directly.
        proxies = TrustedProxies.of(config.getOptionalValues("rill.trusted.proxies", String.class).orElse(List.of()));
    }

    /** The origin of this server for a request it received (the default needs the port it listens on). */
    public PublicOrigin origin(HttpServletRequest request) {
        return configured.orElseGet(() -> PublicOrigin.loopback(request.getLocalPort()));
    }

    /** An absolute link to a path of this server ({@code /activate}), for a request it received. */
    public String url(HttpServletRequest request, String path) {
        return origin(request).base() + request.getContextPath() + path;
    }

    /** {@code RILL_PUBLIC_URL} as a base for links made outside any request (an email), when it is set. */
    public Optional<String> configuredBase() {
        return configured.map(PublicOrigin::base);
    }

    /** Whether the configured public URL is HTTPS, so that cookies must be {@code Secure}; unknown without one. */
    public boolean isConfiguredHttps() {
        return configured.map(PublicOrigin::isHttps).orElse(false);
    }

    /** The address of whoever sent the request: the connection's, or a trusted proxy's account of it. */
    public String clientAddress(HttpServletRequest request) {
        return proxies.clientAddress(request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")));
    }

    /** Whether the client reached this server over HTTPS, directly or through a trusted proxy. */
    public boolean isHttps(HttpServletRequest request) {
        return proxies.isHttps(request.isSecure(), request.getRemoteAddr(), request.getHeader("X-Forwarded-Proto"));
    }
}
