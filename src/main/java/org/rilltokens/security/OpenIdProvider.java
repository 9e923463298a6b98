package org.rilltokens.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The configured OpenID provider as this server talks to it: its discovery document (read once), its signing keys
 * (read again when a token names a key not seen yet, at most once a minute), and the token endpoint, where an
 * authorization code is exchanged with the client secret. What the provider answers is never logged.
 */
@ApplicationScoped
public class OpenIdProvider {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration KEYS_REFRESH = Duration.ofMinutes(1);

    /** The provider's endpoints, from {@code <issuer>/.well-known/openid-configuration}. */
    record Endpoints(String issuer, String authorization, String token, String jwks, Optional<String> endSession) {
    }

    /** The provider could not be reached or answered something unusable. */
    static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(String reason) {
            super(reason);
        }
    }

    @Inject
    OpenIdSettings settings;

    @Inject
    Clock clock;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    private volatile Endpoints endpoints;
    private volatile Map<String, JsonObject> keys = Map.of();
    private volatile Instant keysRead = Instant.EPOCH;

    Endpoints endpoints() throws Unavailable {
        Endpoints known = endpoints;
        if (known == null) {
            String issuer = settings.issuer().orElseThrow();
            JsonObject document = get(issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration");
            if (!issuer.equals(document.getString("issuer", null))) {
                throw new Unavailable("the provider's discovery document names the issuer " + document.getString("issuer", "(none)")
                        + ", not RILL_OIDC_ISSUER " + issuer);
            }
            known = new Endpoints(issuer, required(document, "authorization_endpoint"), required(document, "token_endpoint"),
                    required(document, "jwks_uri"), Optional.ofNullable(document.getString("end_session_endpoint", null)));
            endpoints = known;
        }
        return known;
    }

    /** The provider's published key with this id (or its only key, when the token names none). */
    Optional<JsonObject> key(String kid) {
        Optional<JsonObject> key = find(kid);
        if (key.isEmpty() && clock.instant().isAfter(keysRead.plus(KEYS_REFRESH))) {
            try {
                keysRead = clock.instant();
                keys = endpoints().jwks() == null ? Map.of() : readKeys(get(endpoints().jwks()));
            } catch (Unavailable e) {
                return Optional.empty();
            }
            key = find(kid);
        }
        return key;
    }

    /** Exchanges the authorization code (with the PKCE verifier) for the provider's answer; only its ID token is used. */
    String exchange(String code, String redirectUri, String verifier) throws Unavailable {
        String form = Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", redirectUri,
                "code_verifier", verifier).entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue())).collect(Collectors.joining("&"));
        // client_secret_basic: the client id and secret, each form-encoded, as Basic credentials (RFC 6749, 2.3.1).
        String credentials = Base64.getEncoder().encodeToString((encode(settings.clientId()) + ":" + encode(settings.clientSecret()))
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoints().token())).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .header("Authorization", "Basic " + credentials).POST(HttpRequest.BodyPublishers.ofString(form)).build();
        JsonObject answer = send(request, "token endpoint");
        JsonValue idToken = answer.get("id_token");
        if (idToken == null || idToken.getValueType() != JsonValue.ValueType.STRING) {
            throw new Unavailable("the provider's token endpoint answered without an ID token");
        }
        return answer.getString("id_token");
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private Optional<JsonObject> find(String kid) {
        Map<String, JsonObject> known = keys;
        if (kid == null) {
            return known.size() == 1 ? known.values().stream().findFirst() : Optional.empty();
        }
        return Optional.ofNullable(known.get(kid));
    }

    private static Map<String, JsonObject> readKeys(JsonObject jwks) {
        return jwks.getJsonArray("keys").stream().filter(value -> value.getValueType() == JsonValue.ValueType.OBJECT)
                .map(JsonValue::asJsonObject)
                .filter(key -> !"enc".equals(key.getString("use", "sig")))
                .collect(Collectors.toMap(key -> key.getString("kid", ""), key -> key, (first, second) -> first));
    }

    private JsonObject get(String url) throws Unavailable {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).header("Accept", "application/json").GET().build(), url);
    }

    private JsonObject send(HttpRequest request, String what) throws Unavailable {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new Unavailable("the provider's " + what + " answered HTTP " + response.statusCode());
            }
            try (var reader = Json.createReader(new StringReader(response.body()))) {
                return reader.readObject();
            }
        } catch (IOException | JsonException | ClassCastException | IllegalArgumentException e) {
            throw new Unavailable("the provider's " + what + " could not be read: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while calling the provider's " + what);
        }
    }

    private static String required(JsonObject document, String name) throws Unavailable {
        String value = document.getString(name, null);
        if (value == null || value.isBlank()) {
            throw new Unavailable("the provider's discovery document has no " + name);
        }
        return value;
    }
}
