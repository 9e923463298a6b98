package org.rilltokens.oauth.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.rilltokens.platform.OAuthError;

class ClientRegistrationTest {

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void aPublicClientKeepsItsNameAndRedirectUris() {
        ClientRegistration registration = ClientRegistration.of(json("""
                {"client_name": "Claude", "redirect_uris": ["https://claude.ai/cb", "http://127.0.0.1:5000/cb"],
                 "grant_types": ["authorization_code", "refresh_token"], "token_endpoint_auth_method": "client_secret_post"}"""));
        assertThat(registration.clientName()).isEqualTo("Claude");
        assertThat(registration.redirectUris()).extracting(RedirectUri::toString)
                .containsExactly("https://claude.ai/cb", "http://127.0.0.1:5000/cb");
        assertThat(ClientRegistration.of(json("{\"redirect_uris\": [\"https://a.example/cb\"]}")).clientName())
                .isEqualTo(ClientRegistration.UNNAMED);
    }

    @Test
    void whatNoPublicAuthorizationCodeClientNeedsIsRefusedWithTheRfcsErrorCodes() {
        assertError("{\"client_name\": \"x\"}", "invalid_redirect_uri");
        assertError("{\"redirect_uris\": []}", "invalid_redirect_uri");
        assertError("{\"redirect_uris\": [\"http://evil.example/cb\"]}", "invalid_redirect_uri");
        assertError("{\"redirect_uris\": [42]}", "invalid_redirect_uri");
        assertError("{\"client_name\": 7, \"redirect_uris\": [\"https://a.example/cb\"]}", "invalid_client_metadata");
        assertError("{\"client_name\": \"" + "x".repeat(101) + "\", \"redirect_uris\": [\"https://a.example/cb\"]}",
                "invalid_client_metadata");
        assertError("{\"grant_types\": [\"client_credentials\"], \"redirect_uris\": [\"https://a.example/cb\"]}",
                "invalid_client_metadata");
        assertError("{\"redirect_uris\": [" + "\"https://a.example/cb\",".repeat(10) + "\"https://a.example/cb\"]}",
                "invalid_redirect_uri");
    }

    private static void assertError(String request, String error) {
        assertThatThrownBy(() -> ClientRegistration.of(json(request))).as(request).isInstanceOf(OAuthError.class)
                .extracting(e -> ((OAuthError) e).error()).isEqualTo(error);
    }
}
