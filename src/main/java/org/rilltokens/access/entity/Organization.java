package org.rilltokens.access.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.rilltokens.platform.CallerFactsListener;
import org.rilltokens.platform.DomainException;
import java.util.UUID;

@Entity
@Table(name = "organizations")
@EntityListeners(CallerFactsListener.class)
@NamedQueries({
    @NamedQuery(name = Organization.FIND_BY_NAME, query = "SELECT o FROM Organization o WHERE o.name = :name"),
    @NamedQuery(name = Organization.FIND_ALL, query = "SELECT o FROM Organization o ORDER BY o.name")
})
public class Organization {

    public static final String FIND_BY_NAME = "Organization.findByName";
    public static final String FIND_ALL = "Organization.findAll";
    public static final int NAME_MAX = 64;
    public static final int DISPLAY_NAME_MAX = 255;

    @Id
    private UUID id;

    @Column(nullable = false, length = NAME_MAX)
    private String name;

    @Column(name = "display_name", nullable = false, length = DISPLAY_NAME_MAX)
    private String displayName;

    /** The longest lifetime of a token that may reach the organization's projects; null: no limit. */
    @Column(name = "token_max_lifetime_minutes")
    private Long tokenMaxLifetimeMinutes;

    protected Organization() {
    }

    public Organization(String name, String displayName) {
        this.id = UUID.randomUUID();
        this.name = Objects.requireNonNull(name);
        this.displayName = Objects.requireNonNull(displayName);
    }

    public void rename(String name, String displayName) {
        this.name = Objects.requireNonNull(name);
        this.displayName = Objects.requireNonNull(displayName);
    }

    public Optional<Duration> tokenMaxLifetime() {
        return Optional.ofNullable(tokenMaxLifetimeMinutes).map(Duration::ofMinutes);
    }

    /** @param minutes 1 to {@code maxMinutes}, or null for no limit */
    public void limitTokenLifetime(Long minutes, long maxMinutes) {
        if (minutes != null && (minutes < 1 || minutes > maxMinutes)) {
            throw DomainException.invalid("maxLifetimeMinutes", "maxLifetimeMinutes must be between 1 and " + maxMinutes
                    + ", or null for no maximum; got " + minutes);
        }
        this.tokenMaxLifetimeMinutes = minutes;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String displayName() {
        return displayName;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Organization that && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
