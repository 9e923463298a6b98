package org.rilltokens.access.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyJoinColumn;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.rilltokens.users.entity.User;

/**
 * An email without an account, invited into an organization with a role (and maybe project roles). The
 * link's secret is never stored: only its SHA-256 hash, so the invitation can be found from the link alone.
 * A new link for the same email replaces the old one, which stops working.
 */
@Entity
@Table(name = "org_invites")
@NamedQueries({
    @NamedQuery(name = Invitation.FIND,
            query = "SELECT i FROM Invitation i WHERE i.organization = :organization AND i.email = :email"),
    @NamedQuery(name = Invitation.FIND_BY_ORG,
            query = "SELECT i FROM Invitation i WHERE i.organization = :organization ORDER BY i.email"),
    @NamedQuery(name = Invitation.FIND_BY_SECRET_HASH,
            query = "SELECT i FROM Invitation i JOIN FETCH i.organization WHERE i.secretHash = :hash"),
    @NamedQuery(name = Invitation.FIND_BY_EMAIL,
            query = "SELECT i FROM Invitation i JOIN FETCH i.organization WHERE i.email = :email")
})
public class Invitation {

    public static final String FIND = "Invitation.find";
    public static final String FIND_BY_ORG = "Invitation.findByOrg";
    public static final String FIND_BY_SECRET_HASH = "Invitation.findBySecretHash";
    public static final String FIND_BY_EMAIL = "Invitation.findByEmail";
    public static final Duration LIFETIME = Duration.ofDays(7);

    @Id
    private UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "org_id")
    private Organization organization;

    @Column(nullable = false, length = User.EMAIL_MAX)
    private String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private OrgRole role;

    @Column(name = "secret_hash", nullable = false, length = 64)
    private String secretHash;

    @ManyToOne
    @JoinColumn(name = "invited_by")
    private User invitedBy;

    @Column(name = "created_on", nullable = false)
    private OffsetDateTime createdOn;

    @Column(name = "expires_on", nullable = false)
    private OffsetDateTime expiresOn;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "org_invite_projects", joinColumns = @JoinColumn(name = "invite_id"))
    @MapKeyJoinColumn(name = "project_id")
    @Enumerated(EnumType.STRING)
    @Column(name = "role", length = 16)
    private Map<Project, ProjectRole> projectRoles = new HashMap<>();

    protected Invitation() {
    }

    public Invitation(Organization organization, String email, OrgRole role, User invitedBy, String secretHash, Instant now) {
        this.id = UUID.randomUUID();
        this.organization = Objects.requireNonNull(organization);
        this.email = User.normalizeEmail(email);
        this.role = Objects.requireNonNull(role);
        this.invitedBy = invitedBy;
        renew(secretHash, now);
    }

    /** A new link (the old one stops working), valid for {@link #LIFETIME} from now. */
    public void renew(String secretHash, Instant now) {
        this.secretHash = Objects.requireNonNull(secretHash);
        this.createdOn = now.atOffset(ZoneOffset.UTC);
        this.expiresOn = now.plus(LIFETIME).atOffset(ZoneOffset.UTC);
    }

    public void changeRole(OrgRole role, User invitedBy) {
        this.role = Objects.requireNonNull(role);
        this.invitedBy = invitedBy;
    }

    public void grant(Project project, ProjectRole role) {
        projectRoles.put(Objects.requireNonNull(project), Objects.requireNonNull(role));
    }

    public boolean isExpiredAt(Instant now) {
        return !expiresOn.toInstant().isAfter(now);
    }

    public UUID id() {
        return id;
    }

    public Organization organization() {
        return organization;
    }

    public String email() {
        return email;
    }

    public OrgRole role() {
        return role;
    }

    /** Who asked for it; null when that account is gone. */
    public User invitedBy() {
        return invitedBy;
    }

    public Instant expiresOn() {
        return expiresOn.toInstant();
    }

    public Map<Project, ProjectRole> projectRoles() {
        return Map.copyOf(projectRoles);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Invitation that && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
