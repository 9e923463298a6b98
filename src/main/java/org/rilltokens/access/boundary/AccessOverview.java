package org.rilltokens.access.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.rilltokens.access.control.OrgAccess;
import org.rilltokens.access.control.PolicyAttributes;
import org.rilltokens.access.control.ProjectAccess;
import org.rilltokens.access.control.ProjectCaller;
import org.rilltokens.access.control.ProjectGrant;
import org.rilltokens.access.entity.OrgRole;
import org.rilltokens.web.ActiveUser;

/**
 * The Access page, "what my tokens can reach": the signed-in user's organizations and projects with
 * the effective role and where it comes from, and the attributes security policies see, resolved
 * now — exactly what any of their tokens gets on its next request.
 */
@Named
@RequestScoped
public class AccessOverview {

    private static final List<String> BUILT_IN = List.of("email", "domain", "name", "groups");

    public record Org(String name, String role, String groups, List<Project> projects, List<Attribute> attributes) {
    }

    /** A project row; {@code caller} is what the page hands to the APIs column (apis feature) to list them. */
    public record Project(String name, String role, String source, String alsoGranted, ProjectCaller caller) {
    }

    public record Attribute(String name, String value) {
    }

    @Inject
    Access access;

    @Inject
    ActiveUser user;

    private List<Org> orgs = List.of();

    public void load() {
        orgs = access.of(user.id()).stream().map(this::org).toList();
    }

    private Org org(OrgAccess org) {
        String role = org.role() == OrgRole.GUEST ? "guest (you reach only the projects shared with you)" : lower(org.role());
        String groups = org.groups().isEmpty() ? "none" : String.join(", ", org.groups());
        return new Org(org.org(), role, groups, org.projects().stream().map(project -> project(org, project)).toList(),
                attributes(org));
    }

    private Project project(OrgAccess org, ProjectAccess project) {
        List<ProjectGrant> grants = project.grants();
        String also = grants.stream().skip(1).map(grant -> lower(grant.role()) + " " + source(grant)).collect(Collectors.joining("; "));
        return new Project(project.project(), lower(project.role()), source(grants.get(0)), also.isEmpty() ? "—" : also,
                new ProjectCaller(project, access.attributes(user.id(), org, project)));
    }

    /** "via group emea", "via org admin role", "direct". */
    static String source(ProjectGrant grant) {
        return switch (grant.source().kind()) {
            case DIRECT -> "direct";
            case ORG_ADMIN -> "via org admin role";
            case GROUP -> "via " + grant.source();
        };
    }

    /** The same for every project of an org except {@code admin}, which the projects table shows as the role. */
    private List<Attribute> attributes(OrgAccess org) {
        List<Attribute> shown = new ArrayList<>();
        org.projects().stream().findFirst()
                .map(project -> access.attributes(user.id(), org, project))
                .map(PolicyAttributes::byName)
                .ifPresent(all -> all.forEach((name, value) -> {
                    if (!"admin".equals(name)) {
                        shown.add(new Attribute(name, text(value)));
                    }
                }));
        shown.sort(Comparator.comparingInt(attribute -> BUILT_IN.contains(attribute.name()) ? BUILT_IN.indexOf(attribute.name()) : BUILT_IN.size()));
        return shown;
    }

    private static String text(Object value) {
        if (value instanceof List<?> list) {
            return list.isEmpty() ? "(none)" : list.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        return String.valueOf(value);
    }

    private static String lower(Enum<?> role) {
        return role.name().toLowerCase(Locale.ROOT);
    }

    public List<Org> getOrgs() {
        return orgs;
    }
}
