package org.rilltokens.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The origin this server answers at, as people and clients reach it: {@code RILL_PUBLIC_URL}, or, when that is
 * unset, {@code http://localhost:<port>}. It is the one answer to "which host is mine": requests naming another host
 * (in {@code Host} or {@code Origin}) are not for this server, whatever a DNS name pointing here says.
 */
public record PublicOrigin(String scheme, String host, int port, boolean loopbackDefault) {

    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    public PublicOrigin {
        Objects.requireNonNull(scheme);
        Objects.requireNonNull(host);
    }

    /**
     * The configured public URL: an origin ({@code https://tokens.example.com}, optionally with a port and a
     * trailing slash), nothing after it, since every address of the server is built below it.
     */
    public static PublicOrigin of(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("RILL_PUBLIC_URL is not a URL: " + url);
        }
        String scheme = Optional.ofNullable(uri.getScheme()).map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
        boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))
                && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || !bare) {
            throw new IllegalArgumentException("RILL_PUBLIC_URL must be an http(s) origin such as https://tokens.example.com"
                    + " (no path, query or user), got: " + url);
        }
        return new PublicOrigin(scheme, uri.getHost().toLowerCase(Locale.ROOT), uri.getPort() < 0 ? defaultPort(scheme) : uri.getPort(),
                false);
    }

    /** The default when no public URL is set: this machine only, on the port the server listens on. */
    public static PublicOrigin loopback(int port) {
        return new PublicOrigin("http", "localhost", port, true);
    }

    /** {@code https://tokens.example.com}, with the port only when it is not the scheme's default. */
    public String base() {
        return scheme + "://" + host + (port == defaultPort(scheme) ? "" : ":" + port);
    }

    public boolean isHttps() {
        return scheme.equals("https");
    }

    /**
     * Whether a {@code Host} header names this server. Unset public URL: only loopback names, on any port (a page
     * served under another name that resolves here is DNS rebinding).
     */
    public boolean acceptsHost(String hostHeader) {
        Optional<HostAndPort> named = HostAndPort.parse(hostHeader, defaultPort(scheme));
        if (named.isEmpty()) {
            return false;
        }
        if (loopbackDefault) {
            return LOOPBACK_HOSTS.contains(named.get().host());
        }
        return named.get().host().equals(hostForm()) && named.get().port() == port;
    }

    /** Whether a browser's {@code Origin} is a page of this server. Unset public URL: its loopback names on its port. */
    public boolean acceptsOrigin(String origin) {
        URI uri;
        try {
            uri = new URI(origin);
        } catch (URISyntaxException e) {
            return false;
        }
        if (uri.getScheme() == null || uri.getHost() == null || !scheme.equalsIgnoreCase(uri.getScheme())) {
            return false;
        }
        int originPort = uri.getPort() < 0 ? defaultPort(scheme) : uri.getPort();
        String originHost = uri.getHost().toLowerCase(Locale.ROOT);
        return originPort == port && (loopbackDefault ? LOOPBACK_HOSTS.contains(originHost) : originHost.equals(hostForm()));
    }

    private String hostForm() {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    /** A {@code Host} header: a name or address, optionally with a port; IPv6 addresses in brackets. */
    record HostAndPort(String host, int port) {

        static Optional<HostAndPort> parse(String header, int defaultPort) {
            if (header == null || header.isBlank()) {
                return Optional.empty();
            }
            String text = header.strip().toLowerCase(Locale.ROOT);
            int colon = text.startsWith("[") ? text.indexOf("]:") + 1 : text.lastIndexOf(':');
            if (colon <= 0 || (!text.startsWith("[") && text.indexOf(':') != colon)) {
                return Optional.of(new HostAndPort(text, defaultPort));
            }
            try {
                return Optional.of(new HostAndPort(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }
}
