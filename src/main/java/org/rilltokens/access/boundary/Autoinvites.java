package org.rilltokens.access.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.rilltokens.access.control.AdminInput;
import org.rilltokens.access.control.Permission;
import org.rilltokens.access.entity.AutoinviteDomain;
import org.rilltokens.access.entity.OrgRole;
import org.rilltokens.audit.boundary.Actor;
import org.rilltokens.audit.boundary.AuditTrail;
import org.rilltokens.platform.DomainException;

/**
 * Join by domain: the email domains whose people become members of an organization by themselves, with a chosen
 * role (guest, viewer or editor; never admin), when they first sign in through the OpenID provider with a verified
 * email. Org viewers and up see the list; org admins change it.
 */
@ApplicationScoped
@Transactional
public class Autoinvites {

    @PersistenceContext
    EntityManager em;

    @Inject
    Authority authority;

    @Inject
    AuditTrail audit;

    public List<AutoinviteInfo> list(Actor actor, String org) {
        OrgScope scope = authority.org(actor, org);
        scope.require(Permission.READ_ORG_MEMBERS);
        return domains(scope).stream().map(AutoinviteInfo::of).toList();
    }

    /** Adds the domain, or changes its role when it is listed already. */
    public AutoinviteInfo put(Actor actor, String org, String domain, String role) {
        OrgScope scope = changing(actor, org);
        String valid = AdminInput.domain("domain", domain);
        OrgRole orgRole = AdminInput.orgRole(role);
        if (orgRole == OrgRole.ADMIN) {
            throw DomainException.invalid("role", "Joining by domain gives guest, viewer or editor, never admin: make admins one by one");
        }
        Optional<AutoinviteDomain> listed = find(scope, valid);
        if (listed.isPresent()) {
            if (listed.get().role() != orgRole) {
                audit.record(actor, scope.change("autoinvite.role", valid, listed.get().role().label(), orgRole.label()));
                listed.get().changeRole(orgRole);
            }
            return AutoinviteInfo.of(listed.get());
        }
        AutoinviteDomain added = new AutoinviteDomain(scope.organization(), valid, orgRole);
        em.persist(added);
        audit.record(actor, scope.change("autoinvite.add", valid, null, orgRole.label()));
        return AutoinviteInfo.of(added);
    }

    public void remove(Actor actor, String org, String domain) {
        OrgScope scope = changing(actor, org);
        String valid = AdminInput.domain("domain", domain);
        AutoinviteDomain listed = find(scope, valid).orElseThrow(() -> DomainException.notFound("The domain " + valid
                + " does not join " + scope.organization().name() + " by itself"));
        audit.record(actor, scope.change("autoinvite.remove", valid, listed.role().label(), null));
        em.remove(listed);
    }

    private OrgScope changing(Actor actor, String org) {
        OrgScope scope = authority.orgForChange(actor, org);
        scope.require(Permission.MANAGE_AUTOINVITE);
        return scope;
    }

    private List<AutoinviteDomain> domains(OrgScope scope) {
        return em.createNamedQuery(AutoinviteDomain.FIND_BY_ORG, AutoinviteDomain.class)
                .setParameter("organization", scope.organization()).getResultList();
    }

    private Optional<AutoinviteDomain> find(OrgScope scope, String domain) {
        return domains(scope).stream().filter(listed -> listed.domain().equals(domain)).findFirst();
    }
}
