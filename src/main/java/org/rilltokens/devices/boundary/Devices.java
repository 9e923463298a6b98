package org.rilltokens.devices.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rilltokens.devices.control.DeviceCode;
import org.rilltokens.devices.control.UserCode;
import org.rilltokens.devices.entity.DeviceAuthorization;
import org.rilltokens.devices.entity.DeviceClient;
import org.rilltokens.limits.boundary.RateLimits;
import org.rilltokens.limits.control.RateLimit;
import org.rilltokens.platform.BodyLimit;
import org.rilltokens.platform.DomainException;
import org.rilltokens.tokens.boundary.IssuedToken;
import org.rilltokens.tokens.boundary.Tokens;
import org.rilltokens.users.entity.User;

/**
 * Device login (OAuth 2.0 device authorization grant, RFC 8628): a device without a browser gets a code,
 * a signed-in person approves or denies it in the portal, and the device collects a user token acting as
 * that person. Decisions and collection lock the row, so two nodes never hand out a code's token twice.
 */
@ApplicationScoped
// A poll's answer may be an error (e.g. slow_down) whose bookkeeping must still be saved.
@Transactional(dontRollbackOn = DeviceGrantException.class)
public class Devices {

    public static final String DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    private static final int USER_CODE_ATTEMPTS = 5;
    /** A person logs in a device a few times a day; each start is a row kept for 10 minutes. */
    static final RateLimit STARTS_PER_ADDRESS = new RateLimit("device-login-per-address", 20, Duration.ofMinutes(10));
    /** Caps the rows all addresses together can create, whoever sends them. */
    static final RateLimit STARTS_TOTAL = new RateLimit("device-login-total", 600, Duration.ofMinutes(10));

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Tokens tokens;

    @Inject
    RateLimits limits;

    @Inject
    @ConfigProperty(name = "rill.device.poll.interval", defaultValue = "5")
    int pollIntervalSeconds;

    @Inject
    @ConfigProperty(name = "rill.device.max-form-bytes", defaultValue = "4096")
    long maxFormBytes;

    /**
     * The OAuth endpoints (device login here; the token endpoint and client registration of oauth/) take a few
     * short fields from anyone, signed in or not.
     */
    @Produces
    BodyLimit formLimit() {
        return BodyLimit.api(path -> path.startsWith("/v1/oauth/"), maxFormBytes);
    }

    /** A new pending login for a device, to be approved on {@code activationPage}. */
    public DeviceCodeGrant start(String clientId, String scope, String deviceName, String requestedIp, URI activationPage) {
        DeviceClient client = client(clientId);
        if (scope != null && !scope.isBlank()) {
            throw DeviceGrantException.invalidScope();
        }
        limits.take("Too many device logins were started from your address, or from everywhere at once",
                new RateLimits.Use(STARTS_PER_ADDRESS, requestedIp), new RateLimits.Use(STARTS_TOTAL, "everyone"));
        DeviceCode deviceCode = DeviceCode.generate();
        Duration interval = Duration.ofSeconds(Math.max(1, pollIntervalSeconds));
        DeviceAuthorization login = new DeviceAuthorization(deviceCode.hash(), freeUserCode(), client, deviceName,
                requestedIp, interval, clock.instant());
        em.persist(login);
        String userCode = login.userCode().display();
        return new DeviceCodeGrant(deviceCode.text(), userCode, activationPage.toString(),
                activationPage + "?code=" + URLEncoder.encode(userCode, StandardCharsets.UTF_8),
                DeviceAuthorization.LIFETIME.toSeconds(), interval.toSeconds());
    }

    private UserCode freeUserCode() {
        for (int attempt = 0; attempt < USER_CODE_ATTEMPTS; attempt++) {
            UserCode candidate = UserCode.generate();
            if (byUserCode(candidate).isEmpty()) {
                return candidate;
            }
        }
        throw new IllegalStateException("No free user code after " + USER_CODE_ATTEMPTS + " attempts");
    }

    /** The device's poll: its token once approved (exactly once), else why not yet or never. */
    public AccessToken redeem(String grantType, String deviceCode, String clientId) {
        if (!DEVICE_CODE_GRANT.equals(grantType)) {
            throw DeviceGrantException.unsupportedGrantType(grantType);
        }
        if (deviceCode == null || deviceCode.isBlank()) {
            throw DeviceGrantException.invalidRequest("device_code is required");
        }
        DeviceClient client = client(clientId);
        DeviceAuthorization login = lockedByDeviceCode(deviceCode).filter(found -> found.client() == client)
                .orElseThrow(DeviceGrantException::invalidGrant);
        return switch (login.poll(clock.instant())) {
            case APPROVED -> collect(login);
            case PENDING -> throw DeviceGrantException.pending();
            case SLOW_DOWN -> throw DeviceGrantException.slowDown(login.interval());
            case DENIED -> throw forget(login, DeviceGrantException.denied());
            case EXPIRED -> throw forget(login, DeviceGrantException.expired());
        };
    }

    /** The approved login's token, issued to the person who approved it; the login is used up. */
    private AccessToken collect(DeviceAuthorization login) {
        User person = login.decidedBy().orElseThrow();
        IssuedToken issued = tokens.issue(person.id(), login.tokenName(), null);
        em.remove(login);
        return new AccessToken(issued.token(), "Bearer");
    }

    /** A denied or expired login is answered once, then forgotten: later polls find no such code. */
    private DeviceGrantException forget(DeviceAuthorization login, DeviceGrantException answer) {
        em.remove(login);
        return answer;
    }

    /** The login waiting for a decision under the code a person typed; empty when none is. */
    public Optional<PendingLogin> pending(String typedCode) {
        UserCode code = UserCode.parse(typedCode).orElseThrow(() -> DomainException.invalid("code",
                "A code has " + UserCode.LENGTH + " letters, like " + UserCode.EXAMPLE + ": check it in your terminal"));
        Instant now = clock.instant();
        return byUserCode(code).filter(login -> login.isPendingAt(now)).map(PendingLogin::of);
    }

    public void approve(UUID personId, UUID loginId) {
        locked(loginId).approve(person(personId), clock.instant());
    }

    public void deny(UUID personId, UUID loginId) {
        locked(loginId).deny(person(personId), clock.instant());
    }

    private static DeviceClient client(String clientId) {
        if (clientId == null || clientId.isBlank()) {
            throw DeviceGrantException.invalidRequest("client_id is required");
        }
        return DeviceClient.byClientId(clientId).orElseThrow(() -> DeviceGrantException.invalidClient(clientId));
    }

    private Optional<DeviceAuthorization> lockedByDeviceCode(String deviceCode) {
        if (deviceCode.length() > DeviceCode.MAX_LENGTH) {
            return Optional.empty();
        }
        return em.createNamedQuery(DeviceAuthorization.FIND_BY_DEVICE_CODE, DeviceAuthorization.class)
                .setParameter("hash", DeviceCode.hashOf(deviceCode)).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    private Optional<DeviceAuthorization> byUserCode(UserCode code) {
        return em.createNamedQuery(DeviceAuthorization.FIND_BY_USER_CODE, DeviceAuthorization.class)
                .setParameter("userCode", code.value()).getResultStream().findFirst();
    }

    private DeviceAuthorization locked(UUID loginId) {
        return Optional.ofNullable(em.find(DeviceAuthorization.class, loginId, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> DomainException.invalid("code", DeviceAuthorization.NO_LONGER_PENDING));
    }

    private User person(UUID personId) {
        return Optional.ofNullable(em.find(User.class, personId)).orElseThrow(() -> DomainException.notFound("No such user"));
    }
}
