package org.rilltokens.access.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import org.rilltokens.access.control.AdminInput;
import org.rilltokens.access.control.Permission;
import org.rilltokens.audit.boundary.Actor;
import org.rilltokens.audit.boundary.AuditPage;
import org.rilltokens.audit.boundary.AuditTrail;
import org.rilltokens.audit.boundary.Change;
import org.rilltokens.platform.DomainException;
import org.rilltokens.users.entity.User;

/**
 * What only superusers do to the whole service: make and unmake superusers (one always stays), and
 * deactivate or reactivate accounts. A deactivated account's tokens and sessions stop on their next request.
 */
@ApplicationScoped
@Transactional
public class Superusers {

    @PersistenceContext
    EntityManager em;

    @Inject
    Authority authority;

    @Inject
    Roster roster;

    @Inject
    AuditTrail audit;

    public List<AccountInfo> superusers(Actor actor) {
        authority.service(actor).require(Permission.MANAGE_SUPERUSERS);
        return em.createNamedQuery(User.FIND_SUPERUSERS, User.class).getResultStream().map(AccountInfo::of).toList();
    }

    public void setSuperuser(Actor actor, String email, Boolean superuser) {
        authority.service(actor).require(Permission.MANAGE_SUPERUSERS);
        if (superuser == null) {
            throw DomainException.invalid("superuser", "superuser is required: true or false");
        }
        // Every superuser row stays locked until the end: two superusers unmaking each other cannot leave none.
        List<User> current = em.createNamedQuery(User.FIND_SUPERUSERS, User.class).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        User user = roster.account(AdminInput.email("email", email), "email");
        if (user.isSuperuser() == superuser) {
            return;
        }
        if (!superuser && current.size() <= 1) {
            throw DomainException.conflict("email", user.email() + " is the last superuser: make someone else superuser first");
        }
        audit.record(actor, Change.ofAccount(superuser ? "superuser.grant" : "superuser.revoke", user.email(), null, null));
        if (superuser) {
            user.grantSuperuser();
        } else {
            user.revokeSuperuser();
        }
    }

    /** Every organization's trail and every change of accounts, newest first. */
    public AuditPage audit(Actor actor, String person, String kind, Integer pageSize, String pageToken) {
        authority.service(actor).require(Permission.READ_ALL_AUDIT);
        return audit.list(null, person, kind, pageSize, pageToken);
    }

    /** What a superuser's export of the whole trail reads. */
    public AuditTrail.Selection auditOf(Actor actor, String person, String kind, java.time.Instant from, java.time.Instant to) {
        authority.service(actor).require(Permission.READ_ALL_AUDIT);
        return new AuditTrail.Selection(null, person, kind, from, to);
    }

    public List<AccountInfo> accounts(Actor actor) {
        authority.service(actor).require(Permission.MANAGE_ACCOUNTS);
        return em.createNamedQuery(User.FIND_ALL, User.class).getResultStream().map(AccountInfo::of).toList();
    }

    public void setActive(Actor actor, String email, Boolean active) {
        authority.service(actor).require(Permission.MANAGE_ACCOUNTS);
        if (active == null) {
            throw DomainException.invalid("active", "active is required: true or false");
        }
        User user = roster.account(AdminInput.email("email", email), "email");
        if (user.id().equals(actor.userId()) && !active) {
            throw DomainException.conflict("email", "You cannot deactivate your own account");
        }
        if (user.isActive() == active) {
            return;
        }
        em.lock(user, LockModeType.PESSIMISTIC_WRITE);
        audit.record(actor, Change.ofAccount(active ? "account.reactivate" : "account.deactivate", user.email(), null, null));
        if (active) {
            user.reactivate();
        } else {
            user.deactivate();
        }
    }
}
