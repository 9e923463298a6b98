package org.rilltokens.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where a command sends its requests and with which token. The address comes from --api-url,
 * RILL_API_URL, the saved login, or the local default; the token from --api-token, RILL_API_TOKEN, or the
 * saved login — but a saved token only ever goes to the server it was issued by. The saved login is read
 * only when needed, so a damaged file does not stand in the way of a command given all it needs.
 */
record Target(String apiUrl, String token, boolean fromSavedLogin) {

    static final String DEFAULT_URL = "http://localhost:8080";
    static final String URL_ENV = "RILL_API_URL";
    static final String TOKEN_ENV = "RILL_API_TOKEN";

    static String apiUrl(String flag, Map<String, String> env, Supplier<Optional<Credentials>> saved) {
        if (given(flag)) {
            return normalize(flag, "--api-url");
        }
        if (given(env.get(URL_ENV))) {
            return normalize(env.get(URL_ENV), URL_ENV);
        }
        return saved.get().map(Credentials::apiUrl).orElse(DEFAULT_URL);
    }

    static Target resolve(String urlFlag, String tokenFlag, Map<String, String> env, Supplier<Optional<Credentials>> savedLogin) {
        String url = apiUrl(urlFlag, env, savedLogin);
        String token = given(tokenFlag) ? tokenFlag : env.get(TOKEN_ENV);
        if (given(token)) {
            return new Target(url, token.strip(), false);
        }
        Optional<Credentials> saved = savedLogin.get();
        if (saved.isPresent() && saved.get().apiUrl().equals(url)) {
            return new Target(url, saved.get().token(), true);
        }
        if (saved.isPresent()) {
            throw Failure.usage("Your saved login is for " + saved.get().apiUrl() + ", not " + url + ": run rill login --api-url "
                    + url + ", or give a token with RILL_API_TOKEN");
        }
        throw Failure.usage("Not logged in: run rill login, or give a token with RILL_API_TOKEN (or --api-token)");
    }

    /** An http(s) server address without a trailing slash; anything else is a usage error naming its source. */
    static String normalize(String text, String source) {
        String trimmed = text.strip();
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getUserInfo() == null
                    && uri.getQuery() == null && uri.getFragment() == null) {
                return trimmed.replaceAll("/+$", "");
            }
        } catch (URISyntaxException e) {
            // Reported below, like any other unusable address.
        }
        throw Failure.usage(source + " must be a server address like " + DEFAULT_URL + " or https://rill.example.com, not '" + trimmed + "'");
    }

    /** Whether a token sent to this address travels unencrypted over a network. */
    boolean isCleartextOverNetwork() {
        URI uri = URI.create(apiUrl);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
        return uri.getScheme().equalsIgnoreCase("http") && !loopback;
    }

    private static boolean given(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public String toString() {
        return "Target[" + apiUrl + "]";
    }
}
