package org.rilltokens.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo organization's people (loaded with RILL_DEMO=true) and tokens for them, issued the way a person
 * gets one: signed in to the portal, through its Create token form. Works on any server (no test probe).
 */
final class Demo {

    static final List<String> USERS = List.of("alice", "bob", "carol", "dave", "erin");

    private Demo() {
    }

    static String email(String user) {
        return user + (user.equals("carol") ? "@partner.example" : "@acme.example");
    }

    static String password(String user) {
        return "demo-" + user;
    }

    /** A new one-day token of {@code user}, named "integration test". */
    static String token(String base, String user) {
        Portal portal = new Portal(base);
        Portal.Page signedIn = portal.submit(portal.get("/login").form("signin").fill("Email", email(user))
                .fill("Password", password(user)).press("Sign in"));
        assertThat(signedIn.status()).as("signed in as " + user + ":\n" + signedIn.html()).isEqualTo(302);
        Portal.Page issued = portal.submit(portal.get("/").form("issue").fill("Display name", "integration test")
                .fill("Expiration", String.valueOf(24 * 60)).press("Create token"));
        Portal.Page shown = portal.get(issued.location());
        String token = shown.readOnlyValue("Token").orElseThrow(() -> new AssertionError("no token shown:\n" + shown.html()));
        portal.submit(portal.get("/").form("account").press("Sign out"));
        return token;
    }

    /** A token of each demo user, by name (alice, bob, …). */
    static Map<String, String> tokens(String base) {
        Map<String, String> tokens = new LinkedHashMap<>();
        USERS.forEach(user -> tokens.put(user, token(base, user)));
        return tokens;
    }

    /** Revokes every token of the users these tokens belong to, so that later test classes find them without tokens. */
    static void revokeAll(Http http, Map<String, String> tokens) {
        tokens.values().forEach(token -> http.delete("/v1/users/current/tokens", token));
    }
}
