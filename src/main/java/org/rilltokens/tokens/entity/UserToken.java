package org.rilltokens.tokens.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.rilltokens.platform.CallerFactsListener;
import org.rilltokens.platform.DomainException;
import org.rilltokens.access.entity.Project;
import org.rilltokens.platform.TokenScope;
import org.rilltokens.users.entity.User;

/**
 * A personal access token as stored: its id, the SHA-256 of its secret (never the secret), and what
 * its owner called it. It grants nothing by itself: the owner's current roles decide what it can do.
 */
@Entity
@Table(name = "user_tokens")
@EntityListeners(CallerFactsListener.class)
@NamedQueries({
    @NamedQuery(name = UserToken.FIND_BY_OWNER,
            query = "SELECT t FROM UserToken t WHERE t.owner = :owner"
                    + " AND (t.revokedOn IS NOT NULL OR t.expiresOn IS NULL OR t.expiresOn > :listedAfter)"
                    + " ORDER BY t.createdOn DESC, t.id DESC"),
    @NamedQuery(name = UserToken.FIND_BY_OWNER_BEFORE,
            query = "SELECT t FROM UserToken t WHERE t.owner = :owner"
                    + " AND (t.revokedOn IS NOT NULL OR t.expiresOn IS NULL OR t.expiresOn > :listedAfter)"
                    + " AND (t.createdOn < :createdOn OR (t.createdOn = :createdOn AND t.id < :id))"
                    + " ORDER BY t.createdOn DESC, t.id DESC"),
    @NamedQuery(name = UserToken.FIND_BY_OWNER_AND_PREFIX,
            query = "SELECT t FROM UserToken t WHERE t.owner = :owner AND t.publicId LIKE :prefix"),
    @NamedQuery(name = UserToken.FIND_BY_OWNER_AND_NAME,
            query = "SELECT t FROM UserToken t WHERE t.owner = :owner AND t.displayName = :displayName"
                    + " ORDER BY t.createdOn DESC"),
    @NamedQuery(name = UserToken.DELETE_BY_OWNER,
            query = "DELETE FROM UserToken t WHERE t.owner = :owner"),
    @NamedQuery(name = UserToken.DELETE_EXPIRED_BEFORE,
            query = "DELETE FROM UserToken t WHERE t.expiresOn < :cutoff AND t.revokedOn IS NULL"),
    @NamedQuery(name = UserToken.FIND_EXPIRED_BEFORE,
            query = "SELECT t FROM UserToken t JOIN FETCH t.owner WHERE t.expiresOn < :cutoff AND t.revokedOn IS NULL"),
    @NamedQuery(name = UserToken.DELETE_REVOKED_BEFORE,
            query = "DELETE FROM UserToken t WHERE t.revokedOn < :cutoff"),
    @NamedQuery(name = UserToken.FIND_UNUSED_SINCE,
            query = "SELECT t FROM UserToken t WHERE t.revokedOn IS NULL AND (t.expiresOn IS NULL OR t.expiresOn > :now)"
                    + " AND ((t.usedOn IS NULL AND t.createdOn < :since) OR t.usedOn < :since)"),
    @NamedQuery(name = UserToken.FIND_EXPIRING_UNWARNED,
            query = "SELECT t FROM UserToken t JOIN FETCH t.owner WHERE t.expiryWarnedOn IS NULL AND t.revokedOn IS NULL"
                    + " AND t.expiresOn > :now AND t.expiresOn <= :horizon ORDER BY t.expiresOn"),
    @NamedQuery(name = UserToken.MARK_EXPIRY_WARNED,
            query = "UPDATE UserToken t SET t.expiryWarnedOn = :now WHERE t.id = :id AND t.expiryWarnedOn IS NULL"),
    @NamedQuery(name = UserToken.RECORD_USE,
            query = "UPDATE UserToken t SET t.usedOn = :usedOn, t.usedIp = :usedIp, t.usedUserAgent = :usedUserAgent"
                    + " WHERE t.id = :id AND (t.usedOn IS NULL OR t.usedOn < :usedOn)")
})
public class UserToken {

    public static final String FIND_BY_OWNER = "UserToken.findByOwner";
    public static final String FIND_BY_OWNER_BEFORE = "UserToken.findByOwnerBefore";
    public static final String FIND_BY_OWNER_AND_PREFIX = "UserToken.findByOwnerAndPrefix";
    public static final String FIND_BY_OWNER_AND_NAME = "UserToken.findByOwnerAndName";
    public static final String DELETE_BY_OWNER = "UserToken.deleteByOwner";
    public static final String DELETE_EXPIRED_BEFORE = "UserToken.deleteExpiredBefore";
    public static final String DELETE_REVOKED_BEFORE = "UserToken.deleteRevokedBefore";
    public static final String FIND_EXPIRED_BEFORE = "UserToken.findExpiredBefore";
    public static final String FIND_UNUSED_SINCE = "UserToken.findUnusedSince";
    public static final String RECORD_USE = "UserToken.recordUse";
    public static final String FIND_EXPIRING_UNWARNED = "UserToken.findExpiringUnwarned";
    /** Sets the warning time only where none is set: of several nodes warning at once, one updates the row. */
    public static final String MARK_EXPIRY_WARNED = "UserToken.markExpiryWarned";

    public static final int DISPLAY_NAME_MAX = 255;
    public static final long TTL_MINUTES_MAX = 5_256_000L;
    /** What a missing, too long or out-of-range value is told, wherever it is checked. */
    public static final String DISPLAY_NAME_REQUIRED = "Display name is required: say what the token is for";
    public static final String DISPLAY_NAME_TOO_LONG = "Display name is too long; at most " + DISPLAY_NAME_MAX + " characters are allowed";
    public static final String TTL_RANGE = "ttlMinutes must be between 1 and " + TTL_MINUTES_MAX
            + " (10 years), or left out for a token that never expires";
    public static final int IP_MAX = 64;
    public static final int USER_AGENT_MAX = 512;
    /** The token id part of the token format (base62 of the UUID), which the display id starts with. */
    public static final int PUBLIC_ID_LENGTH = 22;
    /** Hex SHA-256 of the secret. */
    public static final int SECRET_HASH_LENGTH = 64;
    /** How long an expired token stays listed (as expired) before it is purged. */
    public static final Duration EXPIRED_LISTING = Duration.ofHours(24);
    /** How close to its end a token is flagged (page, CLI) and its owner warned, so that a script's 401 surprises nobody. */
    public static final Duration EXPIRING_SOON = Duration.ofDays(7);

    /** How long a token revoked by someone else stays listed (as revoked, with who and why) before it is purged. */
    public static final Duration REVOKED_LISTING = Duration.ofDays(30);
    public static final int REVOKED_BY_MAX = 320;
    public static final int REVOKE_REASON_MAX = 255;

    public enum Status {
        ACTIVE, EXPIRED, REVOKED
    }

    @Id
    private UUID id;

    @Column(name = "public_id", nullable = false, length = PUBLIC_ID_LENGTH)
    private String publicId;

    @ManyToOne(optional = false)
    @JoinColumn(name = "owner_id")
    private User owner;

    @Column(name = "secret_hash", nullable = false, length = SECRET_HASH_LENGTH)
    private String secretHash;

    @Column(name = "display_name", nullable = false, length = DISPLAY_NAME_MAX)
    private String displayName;

    @Column(name = "created_on", nullable = false)
    private OffsetDateTime createdOn;

    @Column(name = "expires_on")
    private OffsetDateTime expiresOn;

    @Column(name = "used_on")
    private OffsetDateTime usedOn;

    @Column(name = "used_ip", length = IP_MAX)
    private String usedIp;

    @Column(name = "used_user_agent", length = USER_AGENT_MAX)
    private String usedUserAgent;

    @Column(name = "expiry_warned_on")
    private OffsetDateTime expiryWarnedOn;

    @Column(name = "revoked_on")
    private OffsetDateTime revokedOn;

    /** The email of who revoked it, or null when the service did (a leak report, the unused-token job). */
    @Column(name = "revoked_by", length = REVOKED_BY_MAX)
    private String revokedBy;

    @Column(name = "revoke_reason", length = REVOKE_REASON_MAX)
    private String revokeReason;

    /**
     * For a token its issuer renews (an OAuth client's): when the current secret stops working. The token itself, as
     * listed and revoked, lives until {@link #expiresOn}; null for every other token.
     */
    @Column(name = "secret_expires_on")
    private OffsetDateTime secretExpiresOn;

    @Column(name = "read_only", nullable = false)
    private boolean readOnly;

    /** Whether {@link #projects} limits the token; a restricted token whose projects were all deleted reaches none. */
    @Column(name = "restricted", nullable = false)
    private boolean restricted;

    @ManyToMany
    @JoinTable(name = "user_token_projects", joinColumns = @JoinColumn(name = "token_id"),
            inverseJoinColumns = @JoinColumn(name = "project_id"))
    private Set<Project> projects = new HashSet<>();

    protected UserToken() {
    }

    /**
     * A new token for {@code owner}, stored as its id, public id and the hash of its secret (never the secret);
     * the name and lifetime are checked as a user typed them.
     */
    public UserToken(User owner, UUID id, String publicId, String secretHash, String displayName, Long ttlMinutes,
            Instant now) {
        this(owner, id, publicId, secretHash, displayName, ttlMinutes, now, null, false);
    }

    /**
     * A new token that reaches at most {@code projects} (all of the owner's when null) and, when {@code readOnly},
     * can only read. The restriction is fixed for the token's life: there is no way to change it.
     */
    public UserToken(User owner, UUID id, String publicId, String secretHash, String displayName, Long ttlMinutes,
            Instant now, Set<Project> projects, boolean readOnly) {
        this.owner = Objects.requireNonNull(owner);
        this.id = Objects.requireNonNull(id);
        this.publicId = requireLength(publicId, PUBLIC_ID_LENGTH);
        this.secretHash = requireLength(secretHash, SECRET_HASH_LENGTH);
        this.displayName = validDisplayName(displayName);
        // Databases keep microseconds: the instant answered now is the one every later list shows.
        Instant created = now.truncatedTo(ChronoUnit.MICROS);
        this.createdOn = created.atOffset(ZoneOffset.UTC);
        this.expiresOn = validTtl(ttlMinutes).map(ttl -> created.plus(ttl).atOffset(ZoneOffset.UTC)).orElse(null);
        this.restricted = projects != null;
        this.projects = projects == null ? new HashSet<>() : new HashSet<>(projects);
        this.readOnly = readOnly;
        if (isExpiringAt(created)) {
            // Its whole life is within the warning window: the notice of its creation says when it ends.
            this.expiryWarnedOn = this.createdOn;
        }
    }

    private static String requireLength(String value, int length) {
        if (value.length() != length) {
            throw new IllegalArgumentException("expected " + length + " characters, got " + value.length());
        }
        return value;
    }

    public static String validDisplayName(String displayName) {
        String name = displayName == null ? "" : displayName.strip();
        if (name.isEmpty()) {
            throw DomainException.invalid("displayName", DISPLAY_NAME_REQUIRED);
        }
        if (name.length() > DISPLAY_NAME_MAX) {
            throw DomainException.invalid("displayName", DISPLAY_NAME_TOO_LONG + " (this one has " + name.length() + ")");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            // Tabs, line breaks and NUL: PostgreSQL refuses NUL in text, and the others break one-line listings.
            throw DomainException.invalid("displayName", "Display name cannot contain control characters such as line breaks");
        }
        return name;
    }

    /** The lifetime a TTL in minutes stands for; empty when the token never expires. */
    public static Optional<Duration> validTtl(Long ttlMinutes) {
        if (ttlMinutes == null) {
            return Optional.empty();
        }
        if (ttlMinutes < 1 || ttlMinutes > TTL_MINUTES_MAX) {
            throw DomainException.invalid("ttlMinutes", TTL_RANGE + "; got " + ttlMinutes);
        }
        return Optional.of(Duration.ofMinutes(ttlMinutes));
    }

    /** How long the token was issued to live (expiry minus creation); empty when it never expires. */
    public Optional<Duration> lifetime() {
        return expiresOn().map(expires -> Duration.between(createdOn(), expires));
    }

    /**
     * Makes the token stop working at {@code until} at the latest (a rotation's grace period): an earlier expiry
     * stays as it was.
     */
    public void endBy(Instant until) {
        OffsetDateTime end = until.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        if (expiresOn == null || end.isBefore(expiresOn)) {
            expiresOn = end;
        }
    }

    /** The projects the token is restricted to, or null when it reaches all of its owner's. */
    public Set<Project> restriction() {
        return restricted ? Set.copyOf(projects) : null;
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    public boolean isExpiredAt(Instant now) {
        return expiresOn != null && !expiresOn.toInstant().isAfter(now);
    }

    /** Live, and ends within {@link #EXPIRING_SOON} of {@code now}. */
    public boolean isExpiringAt(Instant now) {
        return expiresOn != null && isLiveAt(now) && expiresOn.toInstant().isBefore(now.plus(EXPIRING_SOON));
    }

    /** Whether a bearer with the current secret is accepted: the token is live and its secret has not expired. */
    public boolean isUsableAt(Instant now) {
        return isUsableAt(now, instant(revokedOn), instant(expiresOn), instant(secretExpiresOn));
    }

    /**
     * The same rule for a token read as plain columns (the bearer check on the request path reads no entity):
     * not revoked, not expired, and its secret not expired.
     */
    public static boolean isUsableAt(Instant now, Instant revokedOn, Instant expiresOn, Instant secretExpiresOn) {
        return revokedOn == null && (expiresOn == null || expiresOn.isAfter(now))
                && (secretExpiresOn == null || secretExpiresOn.isAfter(now));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /** Whether its issuer renews this token's secret (an OAuth client's token), so nobody rotates it by hand. */
    public boolean isRenewable() {
        return secretExpiresOn != null;
    }

    /** Makes the current secret stop working at {@code until}, before the token itself expires. */
    public void limitSecret(Instant until) {
        secretExpiresOn = until.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    /**
     * Replaces the secret (the old one stops working at once) and gives the token {@code ttlMinutes} more to live;
     * the new secret works until {@code secretUntil}. Name, restriction and history stay.
     */
    public void renew(String newSecretHash, Instant secretUntil, long ttlMinutes, Instant now) {
        this.secretHash = requireLength(newSecretHash, SECRET_HASH_LENGTH);
        Duration ttl = validTtl(ttlMinutes).orElseThrow();
        this.expiresOn = now.truncatedTo(ChronoUnit.MICROS).plus(ttl).atOffset(ZoneOffset.UTC);
        limitSecret(secretUntil);
    }

    /** Whether the token still opens anything: neither expired nor revoked. */
    public boolean isLiveAt(Instant now) {
        return revokedOn == null && !isExpiredAt(now);
    }

    public Status statusAt(Instant now) {
        return revokedOn != null ? Status.REVOKED : isExpiredAt(now) ? Status.EXPIRED : Status.ACTIVE;
    }

    /**
     * Kills the token for someone other than its owner, keeping it listed a while so the owner sees when, by whom
     * ({@code by}: an email, or null for the service itself) and why. A token revoked already stays as it was.
     */
    public void revoke(Instant now, String by, String reason) {
        if (revokedOn == null) {
            revokedOn = now.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
            revokedBy = by == null || by.length() <= REVOKED_BY_MAX ? by : by.substring(0, REVOKED_BY_MAX);
            revokeReason = reason.length() <= REVOKE_REASON_MAX ? reason : reason.substring(0, REVOKE_REASON_MAX);
        }
    }

    public Optional<Instant> revokedOn() {
        return Optional.ofNullable(revokedOn).map(OffsetDateTime::toInstant);
    }

    public Optional<String> revokedBy() {
        return Optional.ofNullable(revokedBy);
    }

    public Optional<String> revokeReason() {
        return Optional.ofNullable(revokeReason);
    }

    /**
     * What the token may be used for besides its owner's roles: its projects ({@code org/project}), read-only flag,
     * and the lifetime it was issued with (which an organization's token policy may refuse).
     */
    public TokenScope scope() {
        return scope(readOnly, restricted ? projectPaths() : null, createdOn(), expiresOn().orElse(null));
    }

    /** The same scope for a token read as plain columns: {@code projectsOrNull} null when it is not restricted. */
    public static TokenScope scope(boolean readOnly, Set<String> projectsOrNull, Instant createdOn, Instant expiresOn) {
        return TokenScope.of(readOnly, projectsOrNull)
                .living(Optional.ofNullable(expiresOn).map(expires -> Duration.between(createdOn, expires)));
    }

    private Set<String> projectPaths() {
        return projects.stream().map(project -> project.organization().name() + "/" + project.name())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    public String publicId() {
        return publicId;
    }

    /** What the secret is checked against (in constant time, by the token format); never the secret itself. */
    public String secretHash() {
        return secretHash;
    }

    public UUID id() {
        return id;
    }

    public User owner() {
        return owner;
    }

    public String displayName() {
        return displayName;
    }

    public Instant createdOn() {
        return createdOn.toInstant();
    }

    public Optional<Instant> expiresOn() {
        return Optional.ofNullable(expiresOn).map(OffsetDateTime::toInstant);
    }

    public Optional<Instant> usedOn() {
        return Optional.ofNullable(usedOn).map(OffsetDateTime::toInstant);
    }

    public Optional<String> usedIp() {
        return Optional.ofNullable(usedIp);
    }

    public Optional<String> usedUserAgent() {
        return Optional.ofNullable(usedUserAgent);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UserToken that && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
