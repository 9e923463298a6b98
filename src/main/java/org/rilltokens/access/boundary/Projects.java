package org.rilltokens.access.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.rilltokens.access.control.AdminInput;
import org.rilltokens.access.control.Permission;
import org.rilltokens.access.control.ProjectAccess;
import org.rilltokens.access.entity.Project;
import org.rilltokens.access.entity.ProjectMembership;
import org.rilltokens.access.entity.ProjectRole;
import org.rilltokens.audit.boundary.Actor;
import org.rilltokens.audit.boundary.AuditTrail;
import org.rilltokens.audit.boundary.Change;
import org.rilltokens.platform.DomainException;

/**
 * An organization's projects: each caller sees the ones they reach (org admins and superusers all of them);
 * org editors and admins create them, project editors rename and describe them, org admins delete them.
 * Files stay where they are when a project is deleted: deleting data is left to whoever owns the folder.
 */
@ApplicationScoped
@Transactional
public class Projects {

    @PersistenceContext
    EntityManager em;

    @Inject
    Authority authority;

    @Inject
    AuditTrail audit;

    @Inject
    Event<FolderMoved> folders;

    public List<ProjectInfo> list(Actor actor, String org) {
        OrgScope scope = authority.org(actor, org);
        Set<String> reached = scope.access().map(access -> access.projects().stream().map(ProjectAccess::project)
                .collect(Collectors.toSet())).orElse(Set.of());
        return em.createNamedQuery(Project.FIND_BY_ORGS, Project.class).setParameter("organizations", List.of(scope.organization()))
                .getResultStream().filter(project -> scope.caller().isSuperuser() || reached.contains(project.name()))
                .map(ProjectInfo::of).toList();
    }

    public ProjectDetails get(Actor actor, String org, String project) {
        ProjectScope scope = authority.project(authority.org(actor, org), project);
        return new ProjectDetails(ProjectInfo.of(scope.project()), scope.access().map(access -> access.role().label()).orElse(null),
                scope.standing().byName());
    }

    /** A new project; an org editor who makes it becomes its admin (org admins are admins of every project). */
    public ProjectInfo create(Actor actor, String org, String name, String description) {
        OrgScope scope = authority.orgForChange(actor, org);
        scope.require(Permission.CREATE_PROJECTS);
        String valid = AdminInput.name("name", name);
        refuseTaken(scope, valid);
        Project project = new Project(scope.organization(), valid, AdminInput.text("description", description, Project.DESCRIPTION_MAX));
        em.persist(project);
        if (scope.access().isPresent() && !scope.isAdmin()) {
            em.persist(new ProjectMembership(project, scope.caller(), ProjectRole.ADMIN));
        }
        audit.record(actor, scope.change("project.create", valid, null, project.description()));
        folders.fire(new FolderMoved(null, org + "/" + valid));
        return ProjectInfo.of(project);
    }

    /** Renames and/or describes the project; null keeps either. A new name moves the project's folder too. */
    public ProjectInfo update(Actor actor, String org, String project, String name, String description) {
        ProjectScope scope = authority.project(authority.orgForChange(actor, org), project);
        scope.require(Permission.MANAGE_PROJECT);
        Project changed = scope.project();
        String newName = name == null ? changed.name() : AdminInput.name("name", name);
        String newDescription = description == null ? changed.description()
                : AdminInput.text("description", description, Project.DESCRIPTION_MAX);
        if (!newName.equals(changed.name())) {
            refuseTaken(scope.org(), newName);
            folders.fire(new FolderMoved(org + "/" + changed.name(), org + "/" + newName));
        }
        audit.record(actor, scope.org().change("project.update", changed.name(),
                changed.name() + ": " + changed.description(), newName + ": " + newDescription));
        changed.rename(newName);
        changed.describe(newDescription);
        return ProjectInfo.of(changed);
    }

    public void delete(Actor actor, String org, String project) {
        ProjectScope scope = authority.project(authority.orgForChange(actor, org), project);
        scope.org().require(Permission.MANAGE_PROJECTS);
        audit.record(actor, scope.org().change("project.delete", project,
                scope.project().description(), null));
        em.remove(scope.project());
        folders.fire(new FolderMoved(org + "/" + project, null));
    }

    private void refuseTaken(OrgScope scope, String name) {
        if (!em.createNamedQuery(Project.FIND_BY_NAME, Project.class).setParameter("organization", scope.organization())
                .setParameter("name", name).getResultList().isEmpty()) {
            throw DomainException.conflict("name", "Project " + scope.organization().name() + "/" + name + " exists already");
        }
    }
}
