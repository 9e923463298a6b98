package org.rilltokens.oauth.control;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.rilltokens.platform.OAuthError;

/**
 * A client identified by a Client ID Metadata Document (draft-ietf-oauth-client-id-metadata-document): its
 * {@code client_id} is an https URL, and the JSON document there names it and lists its redirect URIs. Fetching a
 * URL a stranger chose is a way into private networks (SSRF), so the host must resolve to public addresses only,
 * redirects are not followed, and the fetch is short and small.
 */
public record ClientMetadataDocument(String clientId, String clientName, List<RedirectUri> redirectUris) {

    public static final int MAX_BYTES = 64 * 1024;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** Whether a client_id is a URL, so names a metadata document rather than a registered client. */
    public static boolean isUrl(String clientId) {
        return clientId != null && (clientId.startsWith("https://") || clientId.startsWith("http://"));
    }

    /**
     * Fetches and checks the document a client_id names.
     *
     * @param loopbackAllowed test setting only: also accept {@code http} documents on this machine's loopback
     */
    public static ClientMetadataDocument fetch(String clientId, boolean loopbackAllowed) {
        URI url = checkedUrl(clientId, loopbackAllowed);
        String body = download(url);
        JsonObject document;
        try {
            document = Json.createReader(new StringReader(body)).readObject();
        } catch (JsonException | IllegalStateException e) {
            throw refused("the client metadata document at " + clientId + " is not a JSON object");
        }
        if (!clientId.equals(text(document, "client_id"))) {
            throw refused("the client metadata document at " + clientId + " must name exactly that URL as its client_id");
        }
        String method = text(document, "token_endpoint_auth_method");
        if (method != null && !method.equals("none")) {
            throw refused("this server takes public clients only (token_endpoint_auth_method none), not " + method);
        }
        String name = text(document, "client_name");
        if (name == null || name.isBlank() || name.length() > ClientRegistration.NAME_MAX) {
            throw refused("the client metadata document must have a client_name of 1 to " + ClientRegistration.NAME_MAX + " characters");
        }
        return new ClientMetadataDocument(clientId, name.strip(), redirectUris(document));
    }

    private static URI checkedUrl(String clientId, boolean loopbackAllowed) {
        URI url;
        try {
            url = new URI(clientId);
        } catch (URISyntaxException e) {
            throw refused("client_id '" + clientId + "' is not a URL");
        }
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        boolean http = "http".equals(url.getScheme());
        if (clientId.length() > RedirectUri.MAX_LENGTH || url.getHost() == null || url.getRawFragment() != null
                || url.getRawUserInfo() != null || path.isEmpty() || path.equals("/") || path.matches(".*/\\.\\.?(/.*)?")
                || !("https".equals(url.getScheme()) || (http && loopbackAllowed))) {
            throw refused("a URL client_id must be an https URL with a path and no fragment, user or dot segments: " + clientId);
        }
        for (InetAddress address : addresses(url.getHost())) {
            boolean loopback = address.isLoopbackAddress();
            if (loopback ? !loopbackAllowed : !isPublic(address)) {
                throw refused("the client metadata document's host " + url.getHost() + " is not a public address");
            }
            if (http && !loopback) {
                throw refused("a client metadata document is fetched over https");
            }
        }
        return url;
    }

    private static InetAddress[] addresses(String host) {
        try {
            return InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw refused("the client metadata document's host " + host + " is unknown");
        }
    }

    /** Addresses a fetch may go to: none of loopback, private, link-local, carrier-grade NAT, multicast or unspecified. */
    static boolean isPublic(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        if (bytes.length == 4) {
            int first = bytes[0] & 0xFF;
            int second = bytes[1] & 0xFF;
            return first != 0 && !(first == 100 && second >= 64 && second < 128) && !(first == 198 && (second == 18 || second == 19))
                    && first < 224;
        }
        return (bytes[0] & 0xFE) != 0xFC;
    }

    private static String download(URI url) {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(TIMEOUT).build();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT).header("Accept", "application/json").GET().build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    throw refused("the client metadata document at " + url + " answered " + response.statusCode()
                            + " (redirects are not followed)");
                }
                byte[] bytes = in.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw refused("the client metadata document at " + url + " is larger than " + MAX_BYTES + " bytes");
                }
                return new String(bytes, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw refused("the client metadata document at " + url + " could not be fetched: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw refused("the client metadata document at " + url + " could not be fetched");
        }
    }

    private static List<RedirectUri> redirectUris(JsonObject document) {
        JsonValue listed = document.get("redirect_uris");
        if (listed == null || listed.getValueType() != JsonValue.ValueType.ARRAY || listed.asJsonArray().isEmpty()) {
            throw refused("the client metadata document must list its redirect_uris");
        }
        try {
            return listed.asJsonArray().stream().map(value -> value instanceof JsonString uri ? RedirectUri.parse(uri.getString())
                    : RedirectUri.parse(null)).toList();
        } catch (IllegalArgumentException e) {
            throw refused("the client metadata document lists a redirect URI this server does not accept: " + e.getMessage());
        }
    }

    private static String text(JsonObject document, String name) {
        JsonValue value = document.get(name);
        return value instanceof JsonString string ? string.getString() : null;
    }

    private static OAuthError refused(String description) {
        return new OAuthError("invalid_client", description.substring(0, 1).toUpperCase(Locale.ROOT) + description.substring(1));
    }
}
