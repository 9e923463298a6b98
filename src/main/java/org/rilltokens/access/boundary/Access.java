package org.rilltokens.access.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.rilltokens.access.control.OrgAccess;
import org.rilltokens.access.control.PolicyAttributes;
import org.rilltokens.access.control.ProjectAccess;
import org.rilltokens.access.control.ProjectCaller;
import org.rilltokens.access.control.ProjectGrant;
import org.rilltokens.access.control.RoleResolution;
import org.rilltokens.access.control.RoleSource;
import org.rilltokens.access.entity.OrgMembership;
import org.rilltokens.access.entity.OrgRole;
import org.rilltokens.access.entity.Organization;
import org.rilltokens.access.entity.Project;
import org.rilltokens.access.entity.ProjectMembership;
import org.rilltokens.access.entity.Usergroup;
import org.rilltokens.users.entity.User;

/**
 * Who may reach what, resolved from the current memberships on every call: a token inherits exactly
 * this, so a role removed from its owner is gone from the token on the next request.
 */
@ApplicationScoped
@Transactional
public class Access {

    @PersistenceContext
    EntityManager em;

    /** Every organization the user is in (or a guest of) with the projects they reach; empty for inactive users. */
    public List<OrgAccess> of(UUID userId) {
        User user = em.find(User.class, userId);
        if (user == null || !user.isActive()) {
            return List.of();
        }
        List<OrgMembership> memberships = em.createNamedQuery(OrgMembership.FIND_BY_USER, OrgMembership.class)
                .setParameter("userId", userId).getResultList();
        List<Usergroup> groups = em.createNamedQuery(Usergroup.FIND_BY_MEMBER, Usergroup.class)
                .setParameter("userId", userId).getResultList();
        Map<String, OrgRole> orgRoles = memberships.stream()
                .collect(Collectors.toMap(m -> m.organization().name(), OrgMembership::role));
        Map<String, List<String>> groupsByOrg = groups.stream().collect(Collectors.groupingBy(
                g -> g.organization().name(), Collectors.mapping(Usergroup::name, Collectors.toList())));
        return RoleResolution.resolve(orgRoles, grants(userId, groups), projectsOfAdminOrgs(memberships), groupsByOrg);
    }

    public Optional<OrgAccess> org(UUID userId, String org) {
        return of(userId).stream().filter(access -> access.org().equals(org)).findFirst();
    }

    /** The user's access to {@code project} and the attributes its policies see; empty when they cannot see it. */
    public Optional<ProjectCaller> caller(UUID userId, String org, String project) {
        return org(userId, org).flatMap(orgAccess -> orgAccess.project(project).map(projectAccess ->
                new ProjectCaller(projectAccess, attributes(userId, orgAccess, projectAccess))));
    }

    /** What the security policies of a project, already resolved for the user, see of them. */
    public PolicyAttributes attributes(UUID userId, OrgAccess org, ProjectAccess project) {
        User user = em.find(User.class, userId);
        return new PolicyAttributes(user.email(), user.domain(), user.displayName(), project.isAdmin(), org.groups(),
                em.createNamedQuery(OrgMembership.FIND_BY_ORG_NAME_AND_USER, OrgMembership.class).setParameter("org", org.org())
                        .setParameter("userId", userId).getResultStream().findFirst().map(OrgMembership::attributes).orElse(Map.of()));
    }

    private List<ProjectGrant> grants(UUID userId, List<Usergroup> groups) {
        List<ProjectGrant> grants = new ArrayList<>();
        em.createNamedQuery(ProjectMembership.FIND_BY_USER, ProjectMembership.class).setParameter("userId", userId)
                .getResultStream().forEach(m -> grants.add(new ProjectGrant(m.project().organization().name(),
                        m.project().name(), m.role(), RoleSource.DIRECT)));
        for (Usergroup group : groups) {
            group.projectRoles().forEach((project, role) -> grants.add(new ProjectGrant(
                    project.organization().name(), project.name(), role, RoleSource.group(group.name()))));
        }
        return grants;
    }

    private Map<String, List<String>> projectsOfAdminOrgs(List<OrgMembership> memberships) {
        List<Organization> adminOrgs = memberships.stream().filter(m -> m.role() == OrgRole.ADMIN)
                .map(OrgMembership::organization).toList();
        if (adminOrgs.isEmpty()) {
            return Map.of();
        }
        return em.createNamedQuery(Project.FIND_BY_ORGS, Project.class).setParameter("organizations", adminOrgs)
                .getResultStream().collect(Collectors.groupingBy(p -> p.organization().name(),
                        Collectors.mapping(Project::name, Collectors.toList())));
    }
}
