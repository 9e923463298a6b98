package org.rilltokens.access.entity;

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
import java.util.Objects;
import java.util.UUID;
import org.rilltokens.users.entity.User;

/** A user's role in an organization. */
@Entity
@Table(name = "org_members")
@NamedQueries({
    @NamedQuery(name = OrgMembership.FIND,
            query = "SELECT m FROM OrgMembership m WHERE m.organization = :organization AND m.user = :user"),
    @NamedQuery(name = OrgMembership.FIND_BY_USER,
            query = "SELECT m FROM OrgMembership m JOIN FETCH m.organization WHERE m.user.id = :userId")
})
public class OrgMembership {

    public static final String FIND = "OrgMembership.find";
    public static final String FIND_BY_USER = "OrgMembership.findByUser";

    @Id
    private UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "org_id")
    private Organization organization;

    @ManyToOne(optional = false)
    @JoinColumn(name = "user_id")
    private User user;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private OrgRole role;

    protected OrgMembership() {
    }

    public OrgMembership(Organization organization, User user, OrgRole role) {
        this.id = UUID.randomUUID();
        this.organization = Objects.requireNonNull(organization);
        this.user = Objects.requireNonNull(user);
        this.role = Objects.requireNonNull(role);
    }

    public void changeRole(OrgRole role) {
        this.role = Objects.requireNonNull(role);
    }

    public Organization organization() {
        return organization;
    }

    public User user() {
        return user;
    }

    public OrgRole role() {
        return role;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OrgMembership that && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
