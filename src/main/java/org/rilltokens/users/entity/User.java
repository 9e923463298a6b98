package org.rilltokens.users.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.rilltokens.platform.CallerFactsListener;

/** A person who signs in to the portal and owns tokens. */
@Entity
@Table(name = "users")
@EntityListeners(CallerFactsListener.class)
@NamedQueries({
    @NamedQuery(name = User.FIND_BY_EMAIL, query = "SELECT u FROM User u WHERE u.email = :email"),
    @NamedQuery(name = User.FIND_SUPERUSERS, query = "SELECT u FROM User u WHERE u.superuser = TRUE ORDER BY u.email"),
    @NamedQuery(name = User.FIND_ALL, query = "SELECT u FROM User u ORDER BY u.email")
})
public class User {

    public static final String FIND_BY_EMAIL = "User.findByEmail";
    public static final String FIND_SUPERUSERS = "User.findSuperusers";
    public static final String FIND_ALL = "User.findAll";
    public static final int EMAIL_MAX = 320;
    public static final int NAME_MAX = 255;

    @Id
    private UUID id;

    /** Stored lower-cased, which makes the unique constraint case-insensitive on every database. */
    @Column(nullable = false, length = EMAIL_MAX)
    private String email;

    @Column(name = "display_name", nullable = false, length = NAME_MAX)
    private String displayName;

    @Column(name = "password_hash", length = 512)
    private String passwordHash;

    private boolean superuser;

    private boolean active;

    @Column(name = "created_on", nullable = false)
    private OffsetDateTime createdOn;

    protected User() {
    }

    public User(String email, String displayName, Instant createdOn) {
        this.id = UUID.randomUUID();
        this.email = normalizeEmail(Objects.requireNonNull(email));
        this.displayName = Objects.requireNonNull(displayName);
        this.createdOn = createdOn.atOffset(ZoneOffset.UTC);
        this.active = true;
    }

    public static String normalizeEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    public void changePasswordHash(String hash) {
        this.passwordHash = Objects.requireNonNull(hash);
    }

    public void rename(String displayName) {
        this.displayName = Objects.requireNonNull(displayName);
    }

    public void grantSuperuser() {
        this.superuser = true;
    }

    public void revokeSuperuser() {
        this.superuser = false;
    }

    public void deactivate() {
        this.active = false;
    }

    public void reactivate() {
        this.active = true;
    }

    /** The part of the email after {@code @}, which security policies see as {@code domain}. */
    public String domain() {
        return domainOf(email);
    }

    /** The part of an email address after its {@code @}: what policies call the user's domain. */
    public static String domainOf(String email) {
        return email.substring(email.indexOf('@') + 1);
    }

    public UUID id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public boolean isSuperuser() {
        return superuser;
    }

    public boolean isActive() {
        return active;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof User that && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
