package org.rilltokens.limits.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.rilltokens.limits.control.Allowances;
import org.rilltokens.limits.control.RateLimit;
import org.rilltokens.limits.control.DatabaseBuckets;

/**
 * The request rates of the API ({@code /v1}): per token ({@code RILL_RATE_LIMIT_PER_TOKEN} requests a second
 * sustained, default 50, in bursts of up to {@code RILL_RATE_LIMIT_BURST}, default 100) and per client address
 * ({@code RILL_RATE_LIMIT_PER_ADDRESS}, default 200 a second, bursts of twice that); {@code 0} turns a limit off.
 * Counted in the database ({@link DatabaseBuckets}, like the other named limits) so that they hold across nodes, but
 * leased a few uses at a time ({@link Allowances}) so that a request seldom touches the database. Each lease is a
 * local transaction of its own: it is taken before any request transaction exists.
 */
@ApplicationScoped
public class RequestRates {

    static final String PER_TOKEN = "rill.rate.limit.per.token";
    static final String BURST = "rill.rate.limit.burst";
    static final String PER_ADDRESS = "rill.rate.limit.per.address";
    static final long MAX_PER_SECOND = 1_000_000_000;

    @Resource(lookup = "java:app/jdbc/rill")
    DataSource database;

    @Inject
    Config config;

    @Inject
    Clock clock;

    private static final Logger LOG = Logger.getLogger(RequestRates.class.getName());
    private volatile Instant lastWarning = Instant.MIN;
    private DatabaseBuckets buckets;
    private Optional<Allowances> perToken;
    private Optional<Allowances> perAddress;

    @PostConstruct
    void configure() {
        buckets = new DatabaseBuckets(database::getConnection, true, clock);
        long burst = setting(BURST, 100);
        long tokenRate = setting(PER_TOKEN, 50);
        long addressRate = setting(PER_ADDRESS, 200);
        if (tokenRate > 0 && burst < 1) {
            throw new IllegalArgumentException("RILL_RATE_LIMIT_BURST must be at least 1, not " + burst);
        }
        perToken = tokenRate == 0 ? Optional.empty()
                : Optional.of(new Allowances(RateLimit.perSecond("api-per-token", tokenRate, burst), this::take));
        perAddress = addressRate == 0 ? Optional.empty()
                : Optional.of(new Allowances(RateLimit.perSecond("api-per-address", addressRate, 2 * addressRate), this::take));
    }

    /** A request from {@code address}: empty when admitted, else the message and wait of a 429. */
    public Optional<Refusal> fromAddress(String address) {
        return use(perAddress, String.valueOf(address), "Too many requests from this address");
    }

    /** A request with the token {@code tokenId}, already authenticated. */
    public Optional<Refusal> withToken(UUID tokenId) {
        return use(perToken, tokenId.toString(), "Too many requests with this token");
    }

    /** Why and how long a request must wait. */
    public record Refusal(String message, Duration retryAfter) {
    }

    private Optional<Refusal> use(Optional<Allowances> allowances, String subject, String why) {
        if (allowances.isEmpty()) {
            return Optional.empty();
        }
        RateLimit limit = allowances.get().limit();
        return allowances.get().use(subject, clock.instant()).map(wait -> new Refusal(String.format(
                "%s: at most %.0f a second, in bursts of up to %d", why, limit.perSecond(), limit.count()), wait));
    }

    private long setting(String name, long fallback) {
        long value = config.getOptionalValue(name, Long.class).orElse(fallback);
        if (value < 0 || value > MAX_PER_SECOND) {
            throw new IllegalArgumentException(name.toUpperCase().replace('.', '_') + " must be 0 (off) to " + MAX_PER_SECOND
                    + ", not " + value);
        }
        return value;
    }

    /** Takes uses from the shared bucket; a database that fails twice leaves the lease uncounted. */
    private RateLimit.Grant take(RateLimit limit, String subject, long wanted) {
        for (int round = 1; ; round++) {
            try {
                return buckets.take(limit, subject, wanted);
            } catch (RuntimeException e) {
                if (round == 2) {
                    return unCounted(limit, wanted, e);
                }
            }
        }
    }

    /**
     * A counter the database would not keep (a server whose data source refuses a local transaction, a database
     * that went away) does not take the API down with it: the lease is granted uncounted, and the reason logged at
     * most once a minute. Requests still need a valid token, which the same database must confirm.
     */
    private RateLimit.Grant unCounted(RateLimit limit, long wanted, Exception e) {
        Instant now = clock.instant();
        if (now.isAfter(lastWarning.plusSeconds(60))) {
            lastWarning = now;
            LOG.log(Level.WARNING, "Request rate limit {0} is not counted: {1}", new Object[] {limit.name(), e.toString()});
        }
        return new RateLimit.Grant(wanted, Duration.ZERO);
    }
}
