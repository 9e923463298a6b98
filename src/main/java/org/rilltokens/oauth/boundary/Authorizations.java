package org.rilltokens.oauth.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rilltokens.access.boundary.Access;
import org.rilltokens.access.control.Permission;
import org.rilltokens.mcp.control.McpPath;
import org.rilltokens.oauth.control.Pkce;
import org.rilltokens.oauth.control.RedirectUri;
import org.rilltokens.oauth.control.ResourceTarget;
import org.rilltokens.oauth.entity.AuthorizationCode;
import org.rilltokens.oauth.entity.OAuthGrant;
import org.rilltokens.platform.DomainException;
import org.rilltokens.platform.OAuthError;
import org.rilltokens.platform.Secret;
import org.rilltokens.tokens.boundary.IssuedToken;
import org.rilltokens.tokens.boundary.IssueTokenRequest;
import org.rilltokens.tokens.boundary.Tokens;
import org.rilltokens.platform.TokenScope;
import org.rilltokens.users.entity.User;
import org.rilltokens.web.PublicOrigin;

/**
 * The authorization code flow for MCP clients (OAuth 2.1 with PKCE S256 and resource indicators): a request is
 * checked, a signed-in person approves it on the consent page, the client exchanges the code for a user token
 * restricted to the MCP endpoint's project (or organization), and renews it with refresh tokens that work once.
 * Revoking the token in the portal ends it all: the grant goes with the token.
 */
@ApplicationScoped
// A replayed code or refresh token revokes what it gave, and that must be saved although the answer is an error.
@Transactional(dontRollbackOn = OAuthError.class)
public class Authorizations {

    public static final String AUTHORIZATION_CODE = "authorization_code";
    public static final String REFRESH_TOKEN = "refresh_token";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    OAuthClients clients;

    @Inject
    Tokens tokens;

    @Inject
    Access access;

    @Inject
    @ConfigProperty(name = "rill.oauth.access-token-minutes", defaultValue = "60")
    long accessTokenMinutes;

    @Inject
    @ConfigProperty(name = "rill.oauth.refresh-token-days", defaultValue = "30")
    int defaultDays;

    /** How long a connection lasts without being used, unless the person chooses otherwise on the consent page. */
    public int defaultDays() {
        return defaultDays;
    }

    /** The lifetimes the consent page offers, in days without use: a few usual ones and the configured default. */
    public List<Integer> dayChoices() {
        TreeSet<Integer> choices = new TreeSet<>(List.of(1, 7, 30, 90));
        choices.add(defaultDays);
        return List.copyOf(choices);
    }

    /**
     * Checks an authorization request. An unknown client or a redirect URI it did not register is refused here
     * ({@link OAuthError}: the browser must not be sent to an unchecked address); anything else wrong is
     * {@link AuthorizationRefused}, answered at the client's redirect URI.
     */
    public AuthorizationRequest check(AuthorizationParameters asked, PublicOrigin own) {
        ClientIdentity client = clients.identify(asked.clientId());
        if (asked.redirectUri() == null || asked.redirectUri().isBlank()) {
            throw new OAuthError("invalid_request", "redirect_uri is required");
        }
        RedirectUri redirect = client.redirectUri(asked.redirectUri()).map(registered -> RedirectUri.parse(asked.redirectUri()))
                .orElseThrow(() -> new OAuthError("invalid_request", "redirect_uri " + asked.redirectUri()
                        + " is not one that " + client.name() + " registered"));
        String issuer = own.base();
        if (!"code".equals(asked.responseType())) {
            throw new AuthorizationRefused(redirect, asked.state(), issuer, "unsupported_response_type",
                    "Only response_type=code is supported");
        }
        if (!Pkce.isChallenge(asked.codeChallenge()) || !Pkce.METHOD.equals(asked.codeChallengeMethod())) {
            throw new AuthorizationRefused(redirect, asked.state(), issuer, "invalid_request",
                    "PKCE is required: send code_challenge (43 characters) with code_challenge_method=S256");
        }
        if (asked.resource() == null || asked.resource().isBlank()) {
            throw new AuthorizationRefused(redirect, asked.state(), issuer, "invalid_request",
                    "resource is required (RFC 8707): the URL of the MCP endpoint the token is for");
        }
        McpPath target = ResourceTarget.of(asked.resource(), own).orElseThrow(() -> new AuthorizationRefused(redirect,
                asked.state(), issuer, "invalid_target", "resource " + asked.resource() + " is not an MCP endpoint of " + issuer));
        return new AuthorizationRequest(client, redirect, asked.state(), asked.codeChallenge(), asked.resource(), target, issuer);
    }

    /** The projects ({@code org/project}) a token for {@code target} would reach for this person now: those they can query. */
    public List<String> reach(UUID personId, McpPath target) {
        return access.of(personId).stream().filter(org -> org.org().equals(target.org()))
                .flatMap(org -> org.projects().stream())
                .filter(project -> target.project() == null || project.project().equals(target.project()))
                .filter(project -> project.can(Permission.READ_PROJECT_DATA))
                .map(project -> project.org() + "/" + project.project()).toList();
    }

    /** The person approved: a code for the client, at the address it is sent back to. */
    public String approve(UUID personId, AuthorizationRequest request, boolean readOnly, Duration lifetime) {
        if (reach(personId, request.target()).isEmpty()) {
            throw DomainException.forbidden("You cannot query " + request.targetName() + ", so you cannot give access to it");
        }
        Secret code = Secret.generate();
        User person = Optional.ofNullable(em.find(User.class, personId)).orElseThrow(() -> DomainException.notFound("No such user"));
        em.persist(new AuthorizationCode(code.hash(), person, request.client().clientId(), request.client().name(),
                request.redirectUri().toString(), request.codeChallenge(), request.resource(), readOnly, lifetime.toMinutes(),
                clock.instant()));
        return request.answer(Map.of("code", code.text()));
    }

    public String deny(AuthorizationRequest request) {
        return request.answer(Map.of("error", "access_denied", "error_description", "The person did not allow access"));
    }

    /** The token request of the authorization code grant (RFC 6749 §4.1.3). */
    public TokenAnswer exchange(String codeText, String clientId, String redirectUri, String verifier, String resource,
            PublicOrigin own) {
        require(codeText, "code");
        require(clientId, "client_id");
        require(redirectUri, "redirect_uri");
        require(verifier, "code_verifier");
        AuthorizationCode code = Secret.hashOfPresented(codeText)
                .map(hash -> em.find(AuthorizationCode.class, hash, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> new OAuthError("invalid_grant", "The authorization code is unknown or expired"));
        Optional<UUID> replayed = code.exchange(clientId, redirectUri, verifier, resource, clock.instant());
        if (replayed.isPresent()) {
            revoke(replayed.get());
            throw new OAuthError("invalid_grant", "The authorization code was already used; the token it gave is revoked");
        }
        McpPath target = ResourceTarget.of(code.resource(), own).orElseThrow(() -> new OAuthError("invalid_target",
                "The authorization was for " + code.resource() + ", which is not an MCP endpoint of " + own.base()));
        List<String> projects = reach(code.person().id(), target);
        if (projects.isEmpty()) {
            throw new OAuthError("invalid_grant", code.person().email() + " can no longer query " + target.org()
                    + (target.project() == null ? "" : "/" + target.project()));
        }
        IssuedToken issued = tokens.issueRenewable(code.person().id(), new IssueTokenRequest(code.clientName() + " (OAuth)",
                code.lifetimeMinutes(), projects, code.readOnly()), accessLifetime());
        code.exchangedFor(issued.tokenInfo().id());
        // The grant refers to the token's row by id alone, so nothing tells the persistence provider to insert that first.
        em.flush();
        Secret refresh = Secret.generate();
        em.persist(new OAuthGrant(issued.tokenInfo().id(), code.person().id(), clientId, code.resource(), code.lifetimeMinutes(),
                refresh.hash(), clock.instant()));
        return answer(issued, refresh);
    }

    /**
     * The refresh token grant (RFC 6749 §6): a new secret for the same token and a new refresh token, the old one
     * spent. A spent refresh token presented again means two parties hold it: the token is revoked.
     */
    public TokenAnswer refresh(String refreshText, String clientId, String resource) {
        require(refreshText, "refresh_token");
        require(clientId, "client_id");
        String hash = Secret.hashOfPresented(refreshText)
                .orElseThrow(() -> new OAuthError("invalid_grant", "The refresh token is unknown, spent or revoked"));
        Optional<OAuthGrant> found = em.createNamedQuery(OAuthGrant.FIND_BY_REFRESH, OAuthGrant.class).setParameter("hash", hash)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
        if (found.isEmpty()) {
            em.createNamedQuery(OAuthGrant.FIND_BY_PREVIOUS_REFRESH, OAuthGrant.class).setParameter("hash", hash).getResultStream()
                    .findFirst().ifPresent(spent -> revoke(spent.tokenId()));
            throw new OAuthError("invalid_grant", "The refresh token is unknown, spent or revoked");
        }
        OAuthGrant grant = found.get();
        if (!grant.clientId().equals(clientId)) {
            throw new OAuthError("invalid_grant", "The refresh token was issued to another client");
        }
        if (resource != null && !grant.resource().equals(resource)) {
            throw new OAuthError("invalid_target", "resource must be the one the token was issued for: " + grant.resource());
        }
        IssuedToken renewed = tokens.renew(grant.tokenId(), accessLifetime(), grant.lifetimeMinutes()).orElseThrow(() ->
                new OAuthError("invalid_grant", "The token expired or its owner can no longer sign in: authorize again"));
        Secret next = Secret.generate();
        grant.rotate(next.hash(), clock.instant());
        return answer(renewed, next);
    }

    /** Revokes a token this flow issued, unless it is gone already (its grant goes with it, so the grant says). */
    private void revoke(UUID tokenId) {
        em.createNamedQuery(OAuthGrant.FIND_BY_TOKEN, OAuthGrant.class).setParameter("tokenId", tokenId).getResultStream()
                .findFirst().ifPresent(grant -> tokens.revoke(grant.userId(), TokenScope.FULL, tokenId.toString(), null));
    }

    private TokenAnswer answer(IssuedToken issued, Secret refresh) {
        return new TokenAnswer(issued.token(), "Bearer", accessLifetime().toSeconds(), refresh.text());
    }

    private Duration accessLifetime() {
        return Duration.ofMinutes(accessTokenMinutes);
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new OAuthError("invalid_request", name + " is required");
        }
    }
}
