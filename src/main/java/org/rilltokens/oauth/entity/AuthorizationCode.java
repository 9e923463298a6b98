package org.rilltokens.oauth.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.rilltokens.oauth.control.ClientRegistration;
import org.rilltokens.oauth.control.Pkce;
import org.rilltokens.platform.OAuthError;
import org.rilltokens.users.entity.User;

/**
 * What a person approved on the consent page, until the client exchanges the code for a token: who, for which
 * client, sent back where, for which MCP endpoint, read-only or not, for how long. Kept by the hash of the code; a
 * code works once, within {@link #LIFETIME}, for the client that asked, with the PKCE verifier of its challenge.
 */
@Entity
@Table(name = "oauth_codes")
@NamedQuery(name = AuthorizationCode.DELETE_EXPIRED_BEFORE, query = "DELETE FROM AuthorizationCode c WHERE c.expiresOn < :cutoff")
public class AuthorizationCode {

    public static final String DELETE_EXPIRED_BEFORE = "AuthorizationCode.deleteExpiredBefore";
    public static final Duration LIFETIME = Duration.ofMinutes(5);

    @Id
    @Column(name = "code_hash", length = 64)
    private String codeHash;

    @ManyToOne(optional = false)
    @JoinColumn(name = "user_id")
    private User person;

    @Column(name = "client_id", nullable = false, length = 1000)
    private String clientId;

    @Column(name = "client_name", nullable = false, length = ClientRegistration.NAME_MAX)
    private String clientName;

    @Column(name = "redirect_uri", nullable = false, length = 1000)
    private String redirectUri;

    @Column(name = "code_challenge", nullable = false, length = 43)
    private String codeChallenge;

    @Column(nullable = false, length = 1000)
    private String resource;

    @Column(name = "read_only", nullable = false)
    private boolean readOnly;

    @Column(name = "lifetime_minutes", nullable = false)
    private long lifetimeMinutes;

    @Column(name = "created_on", nullable = false)
    private OffsetDateTime createdOn;

    @Column(name = "expires_on", nullable = false)
    private OffsetDateTime expiresOn;

    /** The token it was exchanged for; a UUID as text, since EclipseLink cannot read a null UUID column. */
    @Column(name = "token_id", length = 36)
    private String tokenId;

    protected AuthorizationCode() {
    }

    public AuthorizationCode(String codeHash, User person, String clientId, String clientName, String redirectUri,
            String codeChallenge, String resource, boolean readOnly, long lifetimeMinutes, Instant now) {
        this.codeHash = Objects.requireNonNull(codeHash);
        this.person = Objects.requireNonNull(person);
        this.clientId = Objects.requireNonNull(clientId);
        this.clientName = Objects.requireNonNull(clientName);
        this.redirectUri = Objects.requireNonNull(redirectUri);
        this.codeChallenge = Objects.requireNonNull(codeChallenge);
        this.resource = Objects.requireNonNull(resource);
        this.readOnly = readOnly;
        this.lifetimeMinutes = lifetimeMinutes;
        this.createdOn = now.atOffset(ZoneOffset.UTC);
        this.expiresOn = now.plus(LIFETIME).atOffset(ZoneOffset.UTC);
    }

    /**
     * Checks an exchange of this code (RFC 6749 §4.1.3, RFC 7636 §4.6, RFC 8707) and marks it used. A code already
     * used answers with the token it was exchanged for, so the caller can revoke it: whoever replays a code may
     * have stolen it (RFC 6749 §4.1.2).
     */
    public Optional<UUID> exchange(String clientId, String redirectUri, String verifier, String resource, Instant now) {
        if (tokenId != null) {
            return Optional.of(UUID.fromString(tokenId));
        }
        if (!expiresOn.toInstant().isAfter(now)) {
            throw invalidGrant("The authorization code expired: codes work for " + LIFETIME.toMinutes() + " minutes");
        }
        if (!this.clientId.equals(clientId)) {
            throw invalidGrant("The authorization code was issued to another client");
        }
        if (!this.redirectUri.equals(redirectUri)) {
            throw invalidGrant("redirect_uri must be the one the authorization request used");
        }
        if (resource != null && !this.resource.equals(resource)) {
            throw new OAuthError("invalid_target", "resource must be the one the authorization request named: " + this.resource);
        }
        if (!Pkce.verifies(verifier, codeChallenge)) {
            throw invalidGrant("code_verifier does not match the code_challenge of the authorization request");
        }
        return Optional.empty();
    }

    public void exchangedFor(UUID tokenId) {
        this.tokenId = tokenId.toString();
    }

    private static OAuthError invalidGrant(String description) {
        return new OAuthError("invalid_grant", description);
    }

    public User person() {
        return person;
    }

    public String clientId() {
        return clientId;
    }

    public String clientName() {
        return clientName;
    }

    public String resource() {
        return resource;
    }

    public boolean readOnly() {
        return readOnly;
    }

    public long lifetimeMinutes() {
        return lifetimeMinutes;
    }
}
