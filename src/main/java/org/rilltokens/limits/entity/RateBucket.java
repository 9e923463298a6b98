package org.rilltokens.limits.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/** How far one subject has used up one rate limit: the instant its allowance is back to full. */
@Entity
@Table(name = "rate_limit_buckets")
@NamedQuery(name = RateBucket.DELETE_PASSED, query = "DELETE FROM RateBucket b WHERE b.theoreticalArrival < :now")
public class RateBucket {

    public static final String DELETE_PASSED = "RateBucket.deletePassed";
    public static final int KEY_MAX = 255;

    @Id
    @Column(name = "bucket_key", length = KEY_MAX)
    private String key;

    @Column(name = "theoretical_arrival", nullable = false)
    private OffsetDateTime theoreticalArrival;

    protected RateBucket() {
    }

    public RateBucket(String key, Instant state) {
        this.key = Objects.requireNonNull(key);
        this.theoreticalArrival = state.atOffset(ZoneOffset.UTC);
    }

    public String key() {
        return key;
    }

    public Instant state() {
        return theoreticalArrival.toInstant();
    }

    public void moveTo(Instant state) {
        theoreticalArrival = state.atOffset(ZoneOffset.UTC);
    }
}
