package org.rilltokens.users.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/** A person who signs in to the portal and owns tokens. */
@Entity
@Table(name = "users")
@NamedQuery(name = User.FIND_BY_EMAIL, query = "SELECT u FROM User u WHERE u.email = :email")
public class User {

    public static final String FIND_BY_EMAIL = "User.findByEmail";
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

    // Only security policies read them: not on the path of every token check.
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "user_attributes", joinColumns = @JoinColumn(name = "user_id"))
    @MapKeyColumn(name = "name")
    @Column(name = "attr_value")
    private Map<String, String> attributes = new TreeMap<>();

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

    public void grantSuperuser() {
        this.superuser = true;
    }

    public void deactivate() {
        this.active = false;
    }

    public void putAttribute(String name, String value) {
        attributes.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
    }

    /** The part of the email after {@code @}, which security policies see as {@code domain}. */
    public String domain() {
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

    public Map<String, String> attributes() {
        return Map.copyOf(attributes);
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
