package org.rilltokens.access.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.rilltokens.access.control.AdminInput;
import org.rilltokens.access.entity.AutoinviteDomain;
import org.rilltokens.access.entity.OrgMembership;
import org.rilltokens.access.entity.Usergroup;
import org.rilltokens.audit.boundary.Actor;
import org.rilltokens.audit.boundary.AuditTrail;
import org.rilltokens.audit.boundary.Change;
import org.rilltokens.platform.DomainException;
import org.rilltokens.platform.TokenScope;
import org.rilltokens.users.boundary.Accounts;
import org.rilltokens.users.boundary.Users;
import org.rilltokens.users.entity.User;

/**
 * What a sign-in through the company's OpenID provider does to accounts and memberships, once the provider's ID
 * token was checked and its email is verified. The first sign-in of an email creates its account (no password),
 * applies the email's pending invitations, and joins the organizations that list the email's domain for join by
 * domain. With group mapping on, every sign-in adds the person to each group, in each organization they are a
 * member of, whose name is one of the provider's group values (it never takes anyone out of a group).
 */
@ApplicationScoped
@Transactional
public class ProviderSignIn {

    /** A person the provider vouches for. {@code groups} is null when group mapping is off. */
    public record Identity(String email, String displayName, List<String> groups) {
    }

    /** The account signed in, or why nobody is. */
    public record Outcome(UUID userId, Refusal refusal, List<String> joined) {

        public boolean admitted() {
            return userId != null;
        }
    }

    public enum Refusal {
        /** The provider's email is not one an account can have. */
        UNUSABLE_EMAIL,
        /** The account of this email was deactivated. */
        DEACTIVATED
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Users users;

    @Inject
    Accounts accounts;

    @Inject
    Invitations invitations;

    @Inject
    Roster roster;

    @Inject
    AuditTrail audit;

    public Outcome signIn(Identity identity, String address) {
        String email;
        try {
            email = AdminInput.email("email", identity.email());
        } catch (DomainException e) {
            return new Outcome(null, Refusal.UNUSABLE_EMAIL, List.of());
        }
        Optional<User> existing = users.findByEmail(email);
        if (existing.isPresent() && !existing.get().isActive()) {
            return new Outcome(null, Refusal.DEACTIVATED, List.of());
        }
        User user = existing.orElseGet(() -> accounts.createVerified(email, identity.displayName()));
        List<String> joined = new ArrayList<>();
        if (existing.isEmpty()) {
            joined.addAll(invitations.applyPending(user, address));
            joined.addAll(joinByDomain(user, address));
        }
        if (identity.groups() != null) {
            mapGroups(user, identity.groups(), address);
        }
        return new Outcome(user.id(), null, List.copyOf(joined));
    }

    /** Invitations were applied first: an invitation's role wins over the domain's. */
    private List<String> joinByDomain(User user, String address) {
        Actor actor = actor(user, address);
        List<String> joined = new ArrayList<>();
        for (AutoinviteDomain domain : em.createNamedQuery(AutoinviteDomain.FIND_BY_DOMAIN, AutoinviteDomain.class)
                .setParameter("domain", user.domain()).getResultList()) {
            var org = domain.organization();
            em.lock(org, LockModeType.PESSIMISTIC_WRITE);
            if (roster.membership(org, user).isEmpty()) {
                em.persist(new OrgMembership(org, user, domain.role()));
                audit.record(actor, Change.inOrg(org.id(), org.name(), "autoinvite.join", user.email(), null,
                        domain.role().label() + " (domain " + domain.domain() + ")"));
                joined.add(org.name());
            }
        }
        return joined;
    }

    private void mapGroups(User user, List<String> groups, String address) {
        Actor actor = actor(user, address);
        for (OrgMembership membership : em.createNamedQuery(OrgMembership.FIND_BY_USER, OrgMembership.class)
                .setParameter("userId", user.id()).getResultList()) {
            var org = membership.organization();
            for (String name : groups.stream().distinct().toList()) {
                Optional<Usergroup> group = roster.group(org, name);
                if (group.isPresent() && group.get().addMember(user)) {
                    audit.record(actor, Change.inOrg(org.id(), org.name(), "usergroup_member.mapped", user.email(), null, name));
                }
            }
        }
    }

    private static Actor actor(User user, String address) {
        return new Actor(user.id(), user.email(), Actor.Surface.PORTAL, address, TokenScope.FULL);
    }
}
