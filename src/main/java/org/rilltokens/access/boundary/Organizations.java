package org.rilltokens.access.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.rilltokens.access.control.AdminInput;
import org.rilltokens.access.control.OrgAccess;
import org.rilltokens.access.control.Permission;
import org.rilltokens.access.entity.OrgMembership;
import org.rilltokens.access.entity.OrgRole;
import org.rilltokens.access.entity.Organization;
import java.time.Instant;
import org.rilltokens.audit.boundary.Actor;
import org.rilltokens.audit.boundary.AuditPage;
import org.rilltokens.audit.boundary.AuditTrail;
import org.rilltokens.audit.boundary.Change;
import org.rilltokens.platform.DomainException;
import org.rilltokens.users.entity.User;

/** Organizations: listed for their members (all of them for superusers), created, renamed and deleted by superusers. */
@ApplicationScoped
@Transactional
public class Organizations {

    @PersistenceContext
    EntityManager em;

    @Inject
    Authority authority;

    @Inject
    Access access;

    @Inject
    AuditTrail audit;

    @Inject
    Event<FolderMoved> folders;

    public List<OrgInfo> list(Actor actor) {
        User caller = authority.account(actor);
        Map<String, OrgAccess> mine = access.of(caller.id()).stream().collect(Collectors.toMap(OrgAccess::org, Function.identity()));
        return em.createNamedQuery(Organization.FIND_ALL, Organization.class).getResultStream()
                .filter(org -> caller.isSuperuser() || mine.containsKey(org.name()))
                .map(org -> new OrgInfo(org.name(), org.displayName(),
                        mine.containsKey(org.name()) ? mine.get(org.name()).role().label() : null))
                .toList();
    }

    /** Whether the caller may create organizations (superusers), so the portal offers it only to them. */
    public boolean mayCreate(Actor actor) {
        return authority.service(actor).can(Permission.CREATE_ORGS);
    }

    public OrgDetails get(Actor actor, String org) {
        OrgScope scope = authority.org(actor, org);
        return new OrgDetails(info(scope), scope.standing().byName());
    }

    /** A new organization; the superuser who makes it is its first admin. */
    public OrgInfo create(Actor actor, String name, String displayName) {
        authority.service(actor).require(Permission.CREATE_ORGS);
        String valid = AdminInput.name("name", name);
        String shown = displayName == null || displayName.isBlank() ? valid
                : AdminInput.displayName("displayName", displayName, Organization.DISPLAY_NAME_MAX);
        refuseTaken(valid);
        Organization org = new Organization(valid, shown);
        em.persist(org);
        flushUnlessTaken(valid);
        em.persist(new OrgMembership(org, authority.account(actor), OrgRole.ADMIN));
        audit.record(actor, Change.inOrg(org.id(), org.name(), "org.create", org.name(), null, shown));
        return new OrgInfo(org.name(), org.displayName(), OrgRole.ADMIN.label());
    }

    /** Changes the name (which is in every URL of the org) and/or the display name; null keeps either. */
    public OrgInfo update(Actor actor, String org, String name, String displayName) {
        OrgScope scope = authority.orgForChange(actor, org);
        scope.require(Permission.MANAGE_ORG);
        Organization organization = scope.organization();
        String newName = name == null ? organization.name() : AdminInput.name("name", name);
        String shown = displayName == null ? organization.displayName()
                : AdminInput.displayName("displayName", displayName, Organization.DISPLAY_NAME_MAX);
        if (!newName.equals(organization.name())) {
            refuseTaken(newName);
            folders.fire(new FolderMoved(organization.name(), newName));
        }
        audit.record(actor, Change.inOrg(organization.id(), newName, "org.update", organization.name(),
                organization.name() + " (" + organization.displayName() + ")", newName + " (" + shown + ")"));
        organization.rename(newName, shown);
        flushUnlessTaken(newName);
        return info(new OrgScope(actor, scope.caller(), organization, scope.access(), scope.standing()));
    }

    /** Deletes the organization with its projects, memberships, groups and invitations (never its project files). */
    public void delete(Actor actor, String org) {
        OrgScope scope = authority.orgForChange(actor, org);
        scope.require(Permission.MANAGE_ORG);
        audit.record(actor, scope.change("org.delete", org, scope.organization().displayName(), null));
        em.remove(scope.organization());
    }

    /** The organization's audit trail, newest first, for its admins (and superusers). */
    public AuditPage audit(Actor actor, String org, String person, String kind, Integer pageSize, String pageToken) {
        return audit.list(auditOf(actor, org, person, kind, null, null), pageSize, pageToken);
    }

    /**
     * What of the trail the organization's admins (and superusers) read: its changes, and the token and sign-in
     * events of its members.
     */
    public AuditTrail.Selection auditOf(Actor actor, String org, String person, String kind, Instant from, Instant to) {
        OrgScope scope = authority.org(actor, org);
        scope.require(Permission.READ_AUDIT);
        List<String> members = em.createQuery("SELECT m.user.email FROM OrgMembership m WHERE m.organization = :org", String.class)
                .setParameter("org", scope.organization()).getResultList();
        return new AuditTrail.Selection(scope.organization().id(), person, kind, from, to, members);
    }

    private void refuseTaken(String name) {
        if (em.createNamedQuery(Organization.FIND_BY_NAME, Organization.class).setParameter("name", name)
                .getResultStream().findFirst().isPresent()) {
            throw DomainException.conflict("name", "An organization named '" + name + "' exists already");
        }
    }

    /** Another superuser may have taken the name since it was checked: then the unique constraint says so. */
    private void flushUnlessTaken(String name) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw DomainException.conflict("name", "An organization named '" + name + "' exists already");
        }
    }

    private static OrgInfo info(OrgScope scope) {
        return new OrgInfo(scope.organization().name(), scope.organization().displayName(),
                scope.role().map(OrgRole::label).orElse(null));
    }
}
