package org.rilltokens.devices.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.rilltokens.devices.control.UserCode;
import org.rilltokens.platform.DomainException;
import org.rilltokens.users.entity.User;

/**
 * A device login (RFC 8628) from the moment a device asks for a code until it collects its token: pending,
 * then approved or denied in the portal by a signed-in person. It expires after {@link #LIFETIME}.
 */
@Entity
@Table(name = "device_authorizations")
@NamedQueries({
    @NamedQuery(name = DeviceAuthorization.FIND_BY_DEVICE_CODE,
            query = "SELECT d FROM DeviceAuthorization d WHERE d.deviceCodeHash = :hash"),
    @NamedQuery(name = DeviceAuthorization.FIND_BY_USER_CODE,
            query = "SELECT d FROM DeviceAuthorization d WHERE d.userCode = :userCode"),
    @NamedQuery(name = DeviceAuthorization.DELETE_EXPIRED_BEFORE,
            query = "DELETE FROM DeviceAuthorization d WHERE d.expiresOn < :cutoff")
})
public class DeviceAuthorization {

    public static final String FIND_BY_DEVICE_CODE = "DeviceAuthorization.findByDeviceCode";
    public static final String FIND_BY_USER_CODE = "DeviceAuthorization.findByUserCode";
    public static final String DELETE_EXPIRED_BEFORE = "DeviceAuthorization.deleteExpiredBefore";

    public static final Duration LIFETIME = Duration.ofMinutes(10);
    public static final String NO_LONGER_PENDING = "This login is no longer waiting for a decision: it expired, or was "
            + "already approved or denied. Run rill login again for a new code.";
    public static final int DEVICE_NAME_MAX = 64;
    /** RFC 8628 §3.5: each slow_down adds five seconds to the interval, for good. */
    static final Duration SLOW_DOWN_STEP = Duration.ofSeconds(5);
    /** Polls travel through networks of varying delay: one this much early still counts as on time. */
    static final Duration POLL_TOLERANCE = Duration.ofMillis(500);

    public enum Status {
        PENDING, APPROVED, DENIED
    }

    /** What a poll of the device learns. */
    public enum Poll {
        PENDING, SLOW_DOWN, APPROVED, DENIED, EXPIRED
    }

    @Id
    private UUID id;

    @Column(name = "device_code_hash", nullable = false, length = 64)
    private String deviceCodeHash;

    @Column(name = "user_code", nullable = false, length = UserCode.LENGTH)
    private String userCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private DeviceClient client;

    @Column(name = "device_name", length = DEVICE_NAME_MAX)
    private String deviceName;

    @Column(name = "requested_ip", length = 64)
    private String requestedIp;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    // Not inserted: a new login has no decision yet, and EclipseLink would bind the NULL as text, which
    // PostgreSQL refuses for a uuid column. The decision is written by the update that records it.
    @ManyToOne
    @JoinColumn(name = "decided_by", insertable = false)
    private User decidedBy;

    @Column(name = "created_on", nullable = false)
    private OffsetDateTime createdOn;

    @Column(name = "expires_on", nullable = false)
    private OffsetDateTime expiresOn;

    @Column(name = "decided_on")
    private OffsetDateTime decidedOn;

    @Column(name = "polled_on")
    private OffsetDateTime polledOn;

    @Column(name = "interval_seconds", nullable = false)
    private int intervalSeconds;

    protected DeviceAuthorization() {
    }

    public DeviceAuthorization(String deviceCodeHash, UserCode userCode, DeviceClient client, String deviceName,
            String requestedIp, Duration interval, Instant now) {
        this.id = UUID.randomUUID();
        this.deviceCodeHash = Objects.requireNonNull(deviceCodeHash);
        this.userCode = userCode.value();
        this.client = Objects.requireNonNull(client);
        this.deviceName = cleanDeviceName(deviceName);
        this.requestedIp = requestedIp == null || requestedIp.length() > 64 ? null : requestedIp;
        this.status = Status.PENDING;
        Instant created = now.truncatedTo(ChronoUnit.MICROS);
        this.createdOn = created.atOffset(ZoneOffset.UTC);
        this.expiresOn = created.plus(LIFETIME).atOffset(ZoneOffset.UTC);
        this.intervalSeconds = Math.toIntExact(interval.toSeconds());
    }

    /**
     * The device says what it is called, unauthenticated, and the portal shows it to the person deciding.
     * Only letters, digits and a little punctuation are kept: no control or bidi characters to disguise it.
     */
    public static String cleanDeviceName(String name) {
        if (name == null) {
            return null;
        }
        String kept = name.replaceAll("[^\\p{L}\\p{N} ._@()'-]", "").replaceAll("\\s+", " ").strip();
        if (kept.length() > DEVICE_NAME_MAX) {
            kept = kept.substring(0, DEVICE_NAME_MAX).strip();
        }
        return kept.isEmpty() ? null : kept;
    }

    /**
     * The device asks whether it may have its token. Asking faster than the interval while the decision
     * is pending slows it down; once decided, the answer is given at once so the device stops polling.
     */
    public Poll poll(Instant now) {
        if (isExpiredAt(now)) {
            return Poll.EXPIRED;
        }
        boolean early = polledOn != null && now.isBefore(polledOn.toInstant().plus(interval()).minus(POLL_TOLERANCE));
        polledOn = now.atOffset(ZoneOffset.UTC);
        return switch (status) {
            case APPROVED -> Poll.APPROVED;
            case DENIED -> Poll.DENIED;
            case PENDING -> {
                if (early) {
                    intervalSeconds += (int) SLOW_DOWN_STEP.toSeconds();
                    yield Poll.SLOW_DOWN;
                }
                yield Poll.PENDING;
            }
        };
    }

    public void approve(User person, Instant now) {
        decide(Status.APPROVED, person, now);
    }

    public void deny(User person, Instant now) {
        decide(Status.DENIED, person, now);
    }

    private void decide(Status decision, User person, Instant now) {
        if (!isPendingAt(now)) {
            throw DomainException.invalid("code", NO_LONGER_PENDING);
        }
        this.status = decision;
        this.decidedBy = Objects.requireNonNull(person);
        this.decidedOn = now.atOffset(ZoneOffset.UTC);
    }

    public boolean isPendingAt(Instant now) {
        return status == Status.PENDING && !isExpiredAt(now);
    }

    public boolean isExpiredAt(Instant now) {
        return !expiresOn.toInstant().isAfter(now);
    }

    /** The name of the token this login gives its device. */
    public String tokenName() {
        return client.tokenName(deviceName);
    }

    public UUID id() {
        return id;
    }

    public UserCode userCode() {
        return new UserCode(userCode);
    }

    public DeviceClient client() {
        return client;
    }

    public Optional<String> deviceName() {
        return Optional.ofNullable(deviceName);
    }

    public Optional<String> requestedIp() {
        return Optional.ofNullable(requestedIp);
    }

    public Status status() {
        return status;
    }

    public Optional<User> decidedBy() {
        return Optional.ofNullable(decidedBy);
    }

    public Instant createdOn() {
        return createdOn.toInstant();
    }

    public Instant expiresOn() {
        return expiresOn.toInstant();
    }

    public Duration interval() {
        return Duration.ofSeconds(intervalSeconds);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DeviceAuthorization that && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
