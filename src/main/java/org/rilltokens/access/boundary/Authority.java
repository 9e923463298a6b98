package org.rilltokens.access.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.Set;
import org.rilltokens.access.control.OrgAccess;
import org.rilltokens.access.control.Permission;
import org.rilltokens.access.control.ProjectAccess;
import org.rilltokens.access.control.Standing;
import org.rilltokens.access.entity.Organization;
import org.rilltokens.access.entity.Project;
import org.rilltokens.audit.boundary.Actor;
import org.rilltokens.platform.DomainException;
import org.rilltokens.users.boundary.Accounts;
import org.rilltokens.users.entity.User;

/**
 * The one place that decides who may administer what. The caller's roles are resolved afresh (as for their
 * tokens); an organization or project they are not in is "not found", whatever they ask of it, so its
 * existence is not revealed. Superusers see and administer everything, but gain no data access.
 *
 * <p>Every change in an organization first locks its row: changes of one organization happen one after the
 * other, so two admins demoting each other can never leave it without an admin, and two changes of one
 * member end in one of the two states.
 */
@ApplicationScoped
@Transactional
public class Authority {

    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    @Inject
    Accounts accounts;

    /** The caller's account, which must still be active. */
    public User account(Actor actor) {
        return accounts.active(actor);
    }

    public Standing service(Actor actor) {
        return Standing.of(Permission.Scope.SERVICE, "this service", null, Set.of(), account(actor).isSuperuser())
                .through(actor.scope(), null, null);
    }

    /** An organization the caller can see, for reading. */
    public OrgScope org(Actor actor, String name) {
        return scope(actor, name, LockModeType.NONE);
    }

    /** An organization the caller can see, locked until the transaction ends, for changing. */
    public OrgScope orgForChange(Actor actor, String name) {
        return scope(actor, name, LockModeType.PESSIMISTIC_WRITE);
    }

    private OrgScope scope(Actor actor, String name, LockModeType lock) {
        User caller = account(actor);
        Optional<Organization> organization = em.createNamedQuery(Organization.FIND_BY_NAME, Organization.class)
                .setParameter("name", name).setLockMode(lock).getResultStream().findFirst();
        Optional<OrgAccess> orgAccess = organization.flatMap(org -> access.org(caller.id(), org.name()));
        if (organization.isEmpty() || orgAccess.isEmpty() && !caller.isSuperuser()) {
            throw DomainException.notFound("No organization '" + name + "' is visible to you");
        }
        String role = orgAccess.map(org -> org.role().label()).orElse(null);
        Standing standing = Standing.of(Permission.Scope.ORG, "organization " + name, role,
                orgAccess.map(org -> Permission.grantedBy(org.role())).orElse(Set.of()), caller.isSuperuser())
                .through(actor.scope(), name, null);
        return new OrgScope(actor, caller, organization.get(), orgAccess, standing);
    }

    /** A project of {@code org} the caller can see. */
    public ProjectScope project(OrgScope org, String name) {
        Optional<Project> project = em.createNamedQuery(Project.FIND_BY_NAME, Project.class)
                .setParameter("organization", org.organization()).setParameter("name", name).getResultStream().findFirst();
        Optional<ProjectAccess> projectAccess = org.access().flatMap(access -> access.project(name));
        if (project.isEmpty() || projectAccess.isEmpty() && !org.caller().isSuperuser()) {
            throw DomainException.notFound("No project " + org.organization().name() + "/" + name + " is visible to you");
        }
        String role = projectAccess.map(access -> access.role().label()).orElse(null);
        Standing standing = Standing.of(Permission.Scope.PROJECT, "project " + org.organization().name() + "/" + name, role,
                projectAccess.map(access -> Permission.grantedBy(access.role())).orElse(Set.of()),
                org.caller().isSuperuser()).through(org.actor().scope(), org.organization().name(), name);
        return new ProjectScope(org, project.get(), projectAccess, standing);
    }
}
