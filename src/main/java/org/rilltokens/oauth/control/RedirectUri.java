package org.rilltokens.oauth.control;

import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a client receives its authorization code. Only {@code https} addresses, or {@code http} on this machine's
 * loopback for desktop clients (RFC 8252 §7.3), and never with a fragment: the MCP authorization spec's rule, so a
 * code never travels in clear over a network.
 */
public record RedirectUri(URI uri) implements Serializable {

    public static final int MAX_LENGTH = 1000;
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "[::1]", "localhost");

    public RedirectUri {
        Objects.requireNonNull(uri);
    }

    /** A redirect URI as a client registers or sends it; why it is not acceptable, otherwise. */
    public static RedirectUri parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a redirect URI is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a redirect URI may have at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + text + "' is not a URI");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("'" + text + "' must be an absolute URI with a host and no fragment or user");
        }
        boolean loopback = LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT));
        if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
            throw new IllegalArgumentException("'" + text + "' must use https, or http on this computer (127.0.0.1, [::1] or localhost)");
        }
        return new RedirectUri(uri);
    }

    /** A desktop client's address on the person's own computer, which any local program could claim. */
    public boolean isLoopback() {
        return "http".equalsIgnoreCase(uri.getScheme());
    }

    /** The host the person is sent back to, as the consent page names it. */
    public String host() {
        return uri.getHost().toLowerCase(Locale.ROOT);
    }

    /** {@code scheme://host[:port]}: where the consent page's form may send the browser. */
    public String origin() {
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority();
    }

    /**
     * Whether a redirect URI in an authorization request is this registered one: the same string, except that a
     * loopback address may name any port, since a desktop client gets a free port from its system each time.
     */
    public boolean admits(String requested) {
        if (uri.toString().equals(requested)) {
            return true;
        }
        if (!isLoopback()) {
            return false;
        }
        try {
            URI asked = new URI(requested);
            return "http".equals(asked.getScheme()) && uri.getHost().equals(asked.getHost()) && asked.getRawUserInfo() == null
                    && Objects.equals(uri.getRawPath(), asked.getRawPath()) && Objects.equals(uri.getRawQuery(), asked.getRawQuery())
                    && asked.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** This address with the authorization response's parameters added to its query (RFC 6749 §4.1.2). */
    public String with(Map<String, String> parameters) {
        String added = parameters.entrySet().stream().filter(p -> p.getValue() != null)
                .map(p -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String text = uri.toString();
        return text + (uri.getRawQuery() == null ? "?" : "&") + added;
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
