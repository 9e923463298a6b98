package org.rilltokens.access.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import org.rilltokens.platform.AccessFactsListener;
import org.rilltokens.users.entity.User;

/** A user's role in an organization, and the custom attributes that org's security policies see of them. */
@Entity
@Table(name = "org_members")
@EntityListeners(AccessFactsListener.class)
@NamedQueries({
    @NamedQuery(name = OrgMembership.FIND,
            query = "SELECT m FROM OrgMembership m WHERE m.organization = :organization AND m.user = :user"),
    @NamedQuery(name = OrgMembership.FIND_BY_USER,
            query = "SELECT m FROM OrgMembership m JOIN FETCH m.organization WHERE m.user.id = :userId"),
    @NamedQuery(name = OrgMembership.FIND_BY_ORG_NAME_AND_USER,
            query = "SELECT m FROM OrgMembership m WHERE m.organization.name = :org AND m.user.id = :userId"),
    @NamedQuery(name = OrgMembership.FIND_BY_ORG_AFTER,
            query = "SELECT m FROM OrgMembership m JOIN FETCH m.user u WHERE m.organization = :organization"
                    + " AND u.email > :after ORDER BY u.email"),
    @NamedQuery(name = OrgMembership.COUNT_BY_ROLE,
            query = "SELECT COUNT(m) FROM OrgMembership m WHERE m.organization = :organization AND m.role = :role")
})
public class OrgMembership {

    public static final String FIND = "OrgMembership.find";
    public static final String FIND_BY_USER = "OrgMembership.findByUser";
    public static final String FIND_BY_ORG_NAME_AND_USER = "OrgMembership.findByOrgNameAndUser";
    public static final String FIND_BY_ORG_AFTER = "OrgMembership.findByOrgAfter";
    public static final String COUNT_BY_ROLE = "OrgMembership.countByRole";
    public static final int ATTRIBUTE_NAME_MAX = 64;
    public static final int ATTRIBUTE_VALUE_MAX = 1024;

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

    // Only security policies and the members list read them: not on the path of every token check.
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "org_member_attributes", joinColumns = @JoinColumn(name = "member_id"))
    @MapKeyColumn(name = "name", length = ATTRIBUTE_NAME_MAX)
    @Column(name = "attr_value", length = ATTRIBUTE_VALUE_MAX)
    private Map<String, String> attributes = new TreeMap<>();

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

    /** Replaces every custom attribute of this membership. */
    public void replaceAttributes(Map<String, String> attributes) {
        this.attributes.clear();
        this.attributes.putAll(attributes);
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

    /** By name. */
    public Map<String, String> attributes() {
        return Collections.unmodifiableMap(new TreeMap<>(attributes));
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
