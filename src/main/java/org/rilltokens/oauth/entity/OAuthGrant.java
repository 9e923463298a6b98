package org.rilltokens.oauth.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;

/**
 * A client's standing permission to renew its token: the hash of its current refresh token (each works once and is
 * replaced by the next) and of the one before, so that a replayed refresh token is recognised. The database deletes
 * the grant with its token, however the token is revoked.
 */
@Entity
@Table(name = "oauth_grants")
@NamedQueries({
    @NamedQuery(name = OAuthGrant.FIND_BY_REFRESH,
            query = "SELECT g FROM OAuthGrant g WHERE g.refreshHash = :hash"),
    @NamedQuery(name = OAuthGrant.FIND_BY_TOKEN,
            query = "SELECT g FROM OAuthGrant g WHERE g.tokenId = :tokenId"),
    @NamedQuery(name = OAuthGrant.FIND_BY_PREVIOUS_REFRESH,
            query = "SELECT g FROM OAuthGrant g WHERE g.previousRefreshHash = :hash")
})
public class OAuthGrant {

    public static final String FIND_BY_REFRESH = "OAuthGrant.findByRefresh";
    public static final String FIND_BY_TOKEN = "OAuthGrant.findByToken";
    public static final String FIND_BY_PREVIOUS_REFRESH = "OAuthGrant.findByPreviousRefresh";

    @Id
    private UUID id;

    @Column(name = "token_id", nullable = false)
    private UUID tokenId;

    @Column(name = "user_id", nullable = false)
    private UUID userId;

    @Column(name = "client_id", nullable = false, length = 1000)
    private String clientId;

    @Column(nullable = false, length = 1000)
    private String resource;

    @Column(name = "lifetime_minutes", nullable = false)
    private long lifetimeMinutes;

    @Column(name = "refresh_hash", nullable = false, length = 64)
    private String refreshHash;

    @Column(name = "previous_refresh_hash", length = 64)
    private String previousRefreshHash;

    @Column(name = "created_on", nullable = false)
    private OffsetDateTime createdOn;

    @Column(name = "refreshed_on", nullable = false)
    private OffsetDateTime refreshedOn;

    protected OAuthGrant() {
    }

    public OAuthGrant(UUID tokenId, UUID userId, String clientId, String resource, long lifetimeMinutes, String refreshHash,
            Instant now) {
        this.id = UUID.randomUUID();
        this.tokenId = Objects.requireNonNull(tokenId);
        this.userId = Objects.requireNonNull(userId);
        this.clientId = Objects.requireNonNull(clientId);
        this.resource = Objects.requireNonNull(resource);
        this.lifetimeMinutes = lifetimeMinutes;
        this.refreshHash = Objects.requireNonNull(refreshHash);
        this.createdOn = now.atOffset(ZoneOffset.UTC);
        this.refreshedOn = createdOn;
    }

    /** The refresh token was used: the next one replaces it, and it is remembered only to recognise a replay. */
    public void rotate(String nextRefreshHash, Instant now) {
        previousRefreshHash = refreshHash;
        refreshHash = Objects.requireNonNull(nextRefreshHash);
        refreshedOn = now.atOffset(ZoneOffset.UTC);
    }

    public UUID tokenId() {
        return tokenId;
    }

    public UUID userId() {
        return userId;
    }

    public String clientId() {
        return clientId;
    }

    public String resource() {
        return resource;
    }

    public long lifetimeMinutes() {
        return lifetimeMinutes;
    }
}
