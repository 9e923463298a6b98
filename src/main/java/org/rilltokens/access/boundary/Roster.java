package org.rilltokens.access.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.rilltokens.access.entity.OrgMembership;
import org.rilltokens.access.entity.OrgRole;
import org.rilltokens.access.entity.Organization;
import org.rilltokens.access.entity.ProjectMembership;
import org.rilltokens.access.entity.Usergroup;
import org.rilltokens.audit.boundary.AuditTrail;
import org.rilltokens.platform.DomainException;
import org.rilltokens.users.boundary.Users;
import org.rilltokens.users.entity.User;

/**
 * Who is in an organization, for the administration boundaries that change it (always inside their
 * transaction): finding members, making a person a guest, and taking someone out of an org entirely.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Roster {

    @PersistenceContext
    EntityManager em;

    @Inject
    Users users;

    @Inject
    AuditTrail audit;

    public Optional<OrgMembership> membership(Organization org, User user) {
        return em.createNamedQuery(OrgMembership.FIND, OrgMembership.class).setParameter("organization", org)
                .setParameter("user", user).getResultStream().findFirst();
    }

    /** The member with this email: one who is not (or has no account) is a 400 naming {@code field}. */
    public OrgMembership member(Organization org, String email, String field) {
        return users.findByEmail(email).flatMap(user -> membership(org, user)).orElseThrow(() -> DomainException.invalid(field,
                email + " is not a member of " + org.name()));
    }

    public User account(String email, String field) {
        return users.findByEmail(email).orElseThrow(() -> DomainException.invalid(field, "No account has the email " + email));
    }

    /** The person's membership, made a guest one when they have none (a project role makes an outsider a guest). */
    public OrgMembership atLeastGuest(OrgScope scope, User user) {
        return membership(scope.organization(), user).orElseGet(() -> {
            OrgMembership guest = new OrgMembership(scope.organization(), user, OrgRole.GUEST);
            em.persist(guest);
            audit.record(scope.actor(), scope.change("member.add", user.email(), null, OrgRole.GUEST.label()));
            return guest;
        });
    }

    /** Ends every role of {@code user} in {@code org}: membership, direct project roles and groups. */
    public void removeFromOrg(Organization org, User user) {
        em.createNamedQuery(ProjectMembership.FIND_BY_ORG_AND_USER, ProjectMembership.class).setParameter("organization", org)
                .setParameter("user", user).getResultStream().forEach(em::remove);
        em.createNamedQuery(Usergroup.FIND_BY_ORG_AND_MEMBER, Usergroup.class).setParameter("organization", org)
                .setParameter("user", user).getResultStream().forEach(group -> group.removeMember(user));
        membership(org, user).ifPresent(em::remove);
    }

    public Optional<Usergroup> group(Organization org, String name) {
        return em.createNamedQuery(Usergroup.FIND_BY_NAME, Usergroup.class).setParameter("organization", org)
                .setParameter("name", name).getResultStream().findFirst();
    }

    /** Refuses a change that would leave {@code org} without an admin. */
    public void keepAnAdmin(Organization org, String field) {
        long admins = em.createNamedQuery(OrgMembership.COUNT_BY_ROLE, Long.class).setParameter("organization", org)
                .setParameter("role", OrgRole.ADMIN).getSingleResult();
        if (admins <= 1) {
            throw DomainException.conflict(field, org.name() + " must keep at least one admin: make someone else admin first");
        }
    }
}
