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

/**
 * An email domain whose people join an organization by themselves: a verified email of this domain, signing in
 * through the OpenID provider for the first time, becomes a member with {@link #role()} (never admin).
 */
@Entity
@Table(name = "org_autoinvite_domains")
@NamedQueries({
    @NamedQuery(name = AutoinviteDomain.FIND_BY_ORG,
            query = "SELECT d FROM AutoinviteDomain d WHERE d.organization = :organization ORDER BY d.domain"),
    @NamedQuery(name = AutoinviteDomain.FIND_BY_DOMAIN,
            query = "SELECT d FROM AutoinviteDomain d JOIN FETCH d.organization WHERE d.domain = :domain")
})
public class AutoinviteDomain {

    public static final String FIND_BY_ORG = "AutoinviteDomain.findByOrg";
    public static final String FIND_BY_DOMAIN = "AutoinviteDomain.findByDomain";
    public static final int DOMAIN_MAX = 253;

    @Id
    private UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "org_id")
    private Organization organization;

    @Column(nullable = false, length = DOMAIN_MAX)
    private String domain;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private OrgRole role;

    protected AutoinviteDomain() {
    }

    public AutoinviteDomain(Organization organization, String domain, OrgRole role) {
        this.id = UUID.randomUUID();
        this.organization = Objects.requireNonNull(organization);
        this.domain = Objects.requireNonNull(domain);
        changeRole(role);
    }

    public void changeRole(OrgRole role) {
        if (role == OrgRole.ADMIN) {
            throw new IllegalArgumentException("joining by domain never makes an admin");
        }
        this.role = Objects.requireNonNull(role);
    }

    public Organization organization() {
        return organization;
    }

    public String domain() {
        return domain;
    }

    public OrgRole role() {
        return role;
    }
}
