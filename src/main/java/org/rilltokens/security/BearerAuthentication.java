package org.rilltokens.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.rilltokens.platform.ApiErrors;
import org.rilltokens.tokens.boundary.TokenCheck;
import org.rilltokens.tokens.control.PlainToken;
import org.rilltokens.users.boundary.TokenCaller;

/**
 * Decides an {@code Authorization} header for every endpoint under {@code /v1} that takes user tokens (REST
 * and MCP alike), and writes the one refusal they all share: 401, the {@code WWW-Authenticate} challenge and
 * the JSON error body.
 */
@ApplicationScoped
public class BearerAuthentication {

    private static final String SCHEME = "Bearer ";
    private static final String CHALLENGE = "Bearer realm=\"rill\"";

    /** The outcome: the caller, or the {@code WWW-Authenticate} challenge and message of a 401. */
    public record Verdict(TokenCaller caller, String challenge, String message) {

        public boolean admitted() {
            return caller != null;
        }

        static Verdict refused(String challenge, String message) {
            return new Verdict(null, challenge, message);
        }
    }

    @Inject
    TokenCheck tokens;

    /** Authenticates the header's token; a successful use is recorded as the token's last use. */
    public Verdict verify(String authorization, String ip, String userAgent) {
        if (authorization == null || authorization.isBlank()) {
            return Verdict.refused(CHALLENGE, "This API needs a user token: send Authorization: Bearer rill_usr_…");
        }
        if (!authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Verdict.refused(CHALLENGE + ", error=\"invalid_request\"",
                    "Only Bearer authorization is accepted: send Authorization: Bearer rill_usr_…");
        }
        String bearer = authorization.substring(SCHEME.length()).strip();
        return tokens.authenticate(bearer, ip, userAgent).map(caller -> new Verdict(caller, null, null))
                .orElseGet(() -> Verdict.refused(CHALLENGE + ", error=\"invalid_token\"", whyRefused(bearer)));
    }

    /**
     * Answers a refused request: the same status, challenge and body wherever the token was sent; the challenge of
     * an OAuth protected resource (MCP) also says where its metadata is (RFC 9728 §5.1), so a client can sign in.
     */
    void refuse(HttpServletResponse response, Verdict verdict, Optional<String> resourceMetadata) throws IOException {
        String challenge = verdict.challenge() + resourceMetadata.map(url -> ", resource_metadata=\"" + url + "\"").orElse("");
        send(response, new BeforeBearerCheck.Refusal(HttpServletResponse.SC_UNAUTHORIZED,
                Map.of("WWW-Authenticate", challenge),
                ApiErrors.body("unauthenticated", verdict.message()).build().toString()));
    }

    /** Writes a refusal; the servlet filters that add headers to other answers never run for it. */
    static void send(HttpServletResponse response, BeforeBearerCheck.Refusal refusal) throws IOException {
        response.setStatus(refusal.status());
        refusal.headers().forEach(response::setHeader);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(refusal.json());
        // Committed now: a server must not replace it with its error page for the status (OpenLiberty would
        // dispatch to the 403 page, itself protected, and answer with a redirect to sign-in).
        response.flushBuffer();
    }

    private static String whyRefused(String bearer) {
        return PlainToken.parse(bearer).isPresent() ? "The token is unknown, expired or revoked"
                : "The bearer token is malformed: a user token has " + PlainToken.LENGTH + " characters and starts with "
                + PlainToken.PREFIX;
    }
}
