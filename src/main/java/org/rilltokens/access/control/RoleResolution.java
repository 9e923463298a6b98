package org.rilltokens.access.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.rilltokens.access.entity.OrgRole;
import org.rilltokens.access.entity.ProjectRole;

/**
 * The role rules of the product, in one pure function: an org admin is admin of every project of the
 * org; project roles come directly or through user groups; a project role without org membership makes
 * the user an org guest; where several grants apply, the most permissive wins.
 */
public final class RoleResolution {

    /** Most permissive first; on equal roles the more fundamental source is shown first. */
    private static final Comparator<ProjectGrant> PERMISSIVE_FIRST = Comparator
            .comparing(ProjectGrant::role)
            .thenComparing(grant -> grant.source().kind())
            .thenComparing(grant -> String.valueOf(grant.source().group()));

    private RoleResolution() {
    }

    /**
     * @param orgRoles       the user's org memberships, by org name
     * @param projectGrants  the user's direct and group project grants
     * @param projectsByOrg  every project of every org in {@code orgRoles} (org admins reach them all)
     * @param groupsByOrg    the names of the user's groups, by org name
     */
    public static List<OrgAccess> resolve(Map<String, OrgRole> orgRoles, List<ProjectGrant> projectGrants,
            Map<String, List<String>> projectsByOrg, Map<String, List<String>> groupsByOrg) {
        Map<String, Map<String, List<ProjectGrant>>> grants = new TreeMap<>();
        projectGrants.forEach(grant -> add(grants, grant));
        orgRoles.forEach((org, role) -> {
            grants.computeIfAbsent(org, name -> new TreeMap<>());
            if (role == OrgRole.ADMIN) {
                projectsByOrg.getOrDefault(org, List.of()).forEach(project ->
                        add(grants, new ProjectGrant(org, project, ProjectRole.ADMIN, RoleSource.ORG_ADMIN)));
            }
        });
        List<OrgAccess> orgs = new ArrayList<>();
        grants.forEach((org, byProject) -> orgs.add(orgAccess(org, Optional.ofNullable(orgRoles.get(org)), byProject,
                groupsByOrg.getOrDefault(org, List.of()))));
        return orgs;
    }

    private static OrgAccess orgAccess(String org, Optional<OrgRole> membership, Map<String, List<ProjectGrant>> byProject,
            List<String> groups) {
        List<ProjectAccess> projects = byProject.entrySet().stream()
                .map(entry -> new ProjectAccess(org, entry.getKey(),
                        entry.getValue().stream().sorted(PERMISSIVE_FIRST).toList()))
                .toList();
        return new OrgAccess(org, membership.orElse(OrgRole.GUEST), membership.isPresent(),
                List.copyOf(new TreeSet<>(groups)), projects);
    }

    private static void add(Map<String, Map<String, List<ProjectGrant>>> grants, ProjectGrant grant) {
        grants.computeIfAbsent(grant.org(), org -> new TreeMap<>())
                .computeIfAbsent(grant.project(), project -> new ArrayList<>())
                .add(grant);
    }
}
