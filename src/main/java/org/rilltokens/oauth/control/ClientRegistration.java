package org.rilltokens.oauth.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.rilltokens.platform.OAuthError;

/**
 * A Dynamic Client Registration request (RFC 7591 §2): the client's name and its redirect URIs are all this server
 * keeps. Every client is public (no secret) and uses the authorization code with PKCE and refresh tokens, whatever
 * it asked for (§3.2.1 lets the server replace requested values; the answer says what was registered).
 */
public record ClientRegistration(String clientName, List<RedirectUri> redirectUris) {

    public static final int NAME_MAX = 100;
    public static final int REDIRECT_URIS_MAX = 10;
    public static final String UNNAMED = "Unnamed client";

    public static ClientRegistration of(JsonObject request) {
        JsonValue name = request.get("client_name");
        if (name != null && !(name instanceof JsonString)) {
            throw metadata("client_name must be a string");
        }
        String clientName = name == null ? UNNAMED : ((JsonString) name).getString().strip().replaceAll("\\p{Cntrl}", "");
        if (clientName.length() > NAME_MAX) {
            throw metadata("client_name may have at most " + NAME_MAX + " characters");
        }
        JsonValue grantTypes = request.get("grant_types");
        if (grantTypes instanceof jakarta.json.JsonArray types && !types.isEmpty()
                && types.stream().noneMatch(type -> type instanceof JsonString t && t.getString().equals("authorization_code"))) {
            throw metadata("this server supports the authorization_code grant (with refresh_token) only");
        }
        return new ClientRegistration(clientName.isEmpty() ? UNNAMED : clientName, redirectUris(request.get("redirect_uris")));
    }

    private static List<RedirectUri> redirectUris(JsonValue listed) {
        if (listed == null || listed.getValueType() != JsonValue.ValueType.ARRAY || listed.asJsonArray().isEmpty()) {
            throw redirect("redirect_uris is required: the addresses the client receives its authorization codes at");
        }
        if (listed.asJsonArray().size() > REDIRECT_URIS_MAX) {
            throw redirect("a client may register at most " + REDIRECT_URIS_MAX + " redirect URIs");
        }
        List<RedirectUri> uris = new ArrayList<>();
        for (JsonValue value : listed.asJsonArray()) {
            try {
                uris.add(RedirectUri.parse(value instanceof JsonString uri ? uri.getString() : null));
            } catch (IllegalArgumentException e) {
                throw redirect("Redirect URI refused: " + e.getMessage());
            }
        }
        return uris;
    }

    private static OAuthError metadata(String description) {
        return new OAuthError("invalid_client_metadata", description);
    }

    private static OAuthError redirect(String description) {
        return new OAuthError("invalid_redirect_uri", description);
    }
}
