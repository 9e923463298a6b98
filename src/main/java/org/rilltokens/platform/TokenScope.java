package org.rilltokens.platform;

import java.io.Serializable;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a credential may be used for, beyond its owner's roles (which it never exceeds): optionally only
 * some projects ({@code org/project}) and optionally only reading. A portal session and an unrestricted
 * token have {@link #FULL}. What a scope allows is decided by the access boundary; this only holds it.
 */
public record TokenScope(boolean readOnly, Optional<SortedSet<String>> projects) implements Serializable {

    public static final TokenScope FULL = new TokenScope(false, Optional.empty());

    public TokenScope {
        projects = projects.map(paths -> new TreeSet<>(paths));
    }

    public static TokenScope of(boolean readOnly, Set<String> projectsOrNull) {
        return new TokenScope(readOnly, Optional.ofNullable(projectsOrNull).map(TreeSet::new));
    }

    public boolean isRestricted() {
        return projects.isPresent();
    }

    /** Whether the project {@code org/project} is within the scope (every project, when unrestricted). */
    public boolean includes(String org, String project) {
        return projects.map(paths -> paths.contains(org + "/" + project)).orElse(true);
    }

    public boolean isFull() {
        return !readOnly && !isRestricted();
    }
}
