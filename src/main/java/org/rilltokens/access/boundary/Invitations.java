package org.rilltokens.access.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.rilltokens.access.control.AdminInput;
import org.rilltokens.access.control.Permission;
import org.rilltokens.access.entity.Invitation;
import org.rilltokens.access.entity.OrgMembership;
import org.rilltokens.access.entity.OrgRole;
import org.rilltokens.access.entity.Project;
import org.rilltokens.access.entity.ProjectMembership;
import org.rilltokens.access.entity.ProjectRole;
import org.rilltokens.audit.boundary.Actor;
import org.rilltokens.audit.boundary.AuditTrail;
import org.rilltokens.audit.boundary.Change;
import org.rilltokens.platform.DomainException;
import org.rilltokens.platform.TokenScope;
import org.rilltokens.platform.Secret;
import org.rilltokens.users.boundary.Accounts;
import org.rilltokens.users.boundary.Users;
import org.rilltokens.users.entity.User;
import org.rilltokens.web.PublicAddress;

/**
 * Invitations of people who have no account yet. The link is {@code <server>/invite#<secret>}: the secret is
 * in the fragment, which browsers never send to a server, so no access log, proxy or Referer header ever
 * sees it; the invitation page reads it in the browser and posts it (or the person pastes it). Only the
 * secret's SHA-256 is stored. Accepting creates the account and applies every pending invitation of that
 * email at once; a link works once, for 7 days, and asking again for the same email replaces it.
 */
@ApplicationScoped
@Transactional
public class Invitations {

    public static final String PAGE = "/invite";

    /** An invitation as its link's page shows it, before it is accepted. */
    public record Pending(String email, String org, String orgDisplayName, String role, String projects, String invitedBy,
            Instant expiresOn, boolean expired, boolean accountExists) {
    }

    /** The account that accepted, and the organizations it is now in. */
    public record Accepted(String email, List<String> orgs) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Authority authority;

    @Inject
    Users users;

    @Inject
    Accounts accounts;

    @Inject
    Roster roster;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** Invitation links point at the public URL ({@code RILL_PUBLIC_URL}), whichever address the inviter used. */
    @Inject
    PublicAddress address;

    @Inject
    HttpServletRequest request;

    @Inject
    Event<InvitationSent> sent;

    /**
     * Invites {@code email} (which has no account) into the organization of {@code scope}, or renews its pending
     * invitation with a new link. {@code role} null keeps a pending invitation's role (a new one is a guest).
     */
    InviteLink invite(OrgScope scope, String email, OrgRole role, Project project, ProjectRole projectRole) {
        Secret secret = Secret.generate();
        Instant now = clock.instant();
        Invitation invitation = find(scope, email).orElse(null);
        String before = invitation == null ? null : describe(invitation);
        if (invitation == null) {
            invitation = new Invitation(scope.organization(), email, role == null ? OrgRole.GUEST : role, scope.caller(),
                    secret.hash(), now);
            em.persist(invitation);
        } else {
            invitation.renew(secret.hash(), now);
            invitation.changeRole(role == null ? invitation.role() : role, scope.caller());
        }
        if (project != null) {
            invitation.grant(project, projectRole);
        }
        audit.record(scope.actor(), scope.change("invite.create", email,
                before, describe(invitation)));
        InviteLink link = new InviteLink(address.url(request, PAGE) + "#" + secret.text(), invitation.expiresOn());
        sent.fire(new InvitationSent(email, scope.organization().name(), scope.organization().displayName(),
                invitation.role().label(), projects(invitation), scope.caller() == null ? null : scope.caller().displayName(),
                link.url(), link.expiresOn()));
        return link;
    }

    public List<InviteInfo> list(Actor actor, String org) {
        OrgScope scope = authority.org(actor, org);
        scope.require(Permission.READ_ORG_MEMBERS);
        Instant now = clock.instant();
        return em.createNamedQuery(Invitation.FIND_BY_ORG, Invitation.class).setParameter("organization", scope.organization())
                .getResultStream().map(invitation -> InviteInfo.of(invitation, invitation.isExpiredAt(now))).toList();
    }

    public void withdraw(Actor actor, String org, String email) {
        OrgScope scope = authority.orgForChange(actor, org);
        scope.require(Permission.MANAGE_ORG_MEMBERS);
        String address = AdminInput.email("email", email);
        Invitation invitation = find(scope, address).orElseThrow(() -> DomainException.invalid("email",
                "No invitation of " + address + " is pending in " + org));
        if (invitation.role() == OrgRole.ADMIN) {
            scope.require(Permission.MANAGE_ORG_ADMINS);
        }
        audit.record(actor, scope.change("invite.withdraw", address, describe(invitation), null));
        em.remove(invitation);
    }

    /** What the link with this secret invites to; empty when it is unknown, used, withdrawn or replaced. */
    public Optional<Pending> pending(String code) {
        Instant now = clock.instant();
        return byCode(code, LockModeType.NONE).map(invitation -> new Pending(invitation.email(), invitation.organization().name(),
                invitation.organization().displayName(), invitation.role().label(), projects(invitation),
                invitation.invitedBy() == null ? null : invitation.invitedBy().displayName(), invitation.expiresOn(),
                invitation.isExpiredAt(now), users.findByEmail(invitation.email()).isPresent()));
    }

    /**
     * Accepts the invitation of this link: creates the account with {@code password} (or, when the email got an
     * account meanwhile, checks that account's password) and applies every pending invitation of the email.
     */
    public Accepted accept(String code, String displayName, String password, String address) {
        Invitation invitation = byCode(code, LockModeType.PESSIMISTIC_WRITE).orElseThrow(() -> DomainException.notFound(
                "This invitation link does not work: it was used already, withdrawn, or replaced by a newer link"));
        Instant now = clock.instant();
        if (invitation.isExpiredAt(now)) {
            throw DomainException.invalid("code", "This invitation expired; ask whoever invited you for a new link");
        }
        String email = invitation.email();
        User user = users.findByEmail(email).map(existing -> users.signIn(email, password).orElseThrow(() ->
                DomainException.invalid("password", "An account with the email " + email + " exists: enter its password to accept")))
                .orElseGet(() -> accounts.create(email, displayName == null || displayName.isBlank()
                        ? email.substring(0, email.indexOf('@')) : displayName, password));
        return new Accepted(email, applyPending(user, address));
    }

    /** Applies every pending, unexpired invitation of the user's email; the names of the organizations joined. */
    List<String> applyPending(User user, String address) {
        Actor actor = new Actor(user.id(), user.email(), Actor.Surface.PORTAL, address, TokenScope.FULL);
        Instant now = clock.instant();
        List<String> orgs = new ArrayList<>();
        for (Invitation pending : em.createNamedQuery(Invitation.FIND_BY_EMAIL, Invitation.class).setParameter("email", user.email())
                .getResultList()) {
            if (!pending.isExpiredAt(now)) {
                em.lock(pending.organization(), LockModeType.PESSIMISTIC_WRITE);
                apply(actor, pending, user);
                orgs.add(pending.organization().name());
            }
        }
        return orgs;
    }

    private void apply(Actor actor, Invitation invitation, User user) {
        var org = invitation.organization();
        Optional<OrgMembership> membership = roster.membership(org, user);
        if (membership.isEmpty()) {
            em.persist(new OrgMembership(org, user, invitation.role()));
        } else if (!membership.get().role().includes(invitation.role())) {
            membership.get().changeRole(invitation.role());
        }
        invitation.projectRoles().forEach((project, role) -> grant(project, user, role));
        audit.record(actor, Change.inOrg(org.id(), org.name(), "invite.accept", user.email(), describe(invitation), null));
        em.remove(invitation);
    }

    private void grant(Project project, User user, ProjectRole role) {
        Optional<ProjectMembership> held = em.createNamedQuery(ProjectMembership.FIND, ProjectMembership.class)
                .setParameter("project", project).setParameter("user", user).getResultStream().findFirst();
        if (held.isEmpty()) {
            em.persist(new ProjectMembership(project, user, role));
        } else if (held.get().role().compareTo(role) > 0) {
            held.get().changeRole(role);
        }
    }

    Optional<Invitation> find(OrgScope scope, String email) {
        return em.createNamedQuery(Invitation.FIND, Invitation.class).setParameter("organization", scope.organization())
                .setParameter("email", email).getResultStream().findFirst();
    }

    private Optional<Invitation> byCode(String code, LockModeType lock) {
        if (code == null || code.isBlank() || code.length() > 128) {
            return Optional.empty();
        }
        return em.createNamedQuery(Invitation.FIND_BY_SECRET_HASH, Invitation.class).setParameter("hash", Secret.hashOf(code.strip()))
                .setLockMode(lock).getResultStream().findFirst();
    }

    /** "viewer of project sales, editor of project ops", or empty. */
    private static String projects(Invitation invitation) {
        return invitation.projectRoles().entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.comparing(Project::name)))
                .map(grant -> grant.getValue().label() + " of project " + grant.getKey().name()).collect(Collectors.joining(", "));
    }

    /** "viewer; sales: viewer" */
    private static String describe(Invitation invitation) {
        Map<Project, ProjectRole> projects = invitation.projectRoles();
        return invitation.role().label() + projects.entrySet().stream().sorted(Map.Entry.comparingByKey(
                Comparator.comparing(Project::name))).map(grant -> "; " + grant.getKey().name() + ": " + grant.getValue().label())
                .collect(Collectors.joining());
    }
}
