package org.rilltokens.platform;

import java.io.Serializable;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a credential may be used for, beyond its owner's roles (which it never exceeds): optionally only
 * some projects ({@code org/project}) and optionally only reading. A portal session and an unrestricted
 * token have {@link #FULL}. What a scope allows is decided by the access boundary; this only holds it.
 *
 * <p>{@code lifetime} is how long the token was issued to live ({@link #FOREVER} when it never expires), which an
 * organization's token policy may find too long; empty for a credential that is not a token (a portal session).
 */
public record TokenScope(boolean readOnly, Optional<SortedSet<String>> projects, Optional<Duration> lifetime)
        implements Serializable {

    /** The lifetime of a token that never expires: longer than any maximum. */
    public static final Duration FOREVER = ChronoUnit.FOREVER.getDuration();

    public static final TokenScope FULL = new TokenScope(false, Optional.empty());

    public TokenScope {
        projects = projects.map(paths -> new TreeSet<>(paths));
        lifetime = lifetime == null ? Optional.empty() : lifetime;
    }

    public TokenScope(boolean readOnly, Optional<SortedSet<String>> projects) {
        this(readOnly, projects, Optional.empty());
    }

    public static TokenScope of(boolean readOnly, Set<String> projectsOrNull) {
        return new TokenScope(readOnly, Optional.ofNullable(projectsOrNull).map(TreeSet::new));
    }

    /** The scope of a token issued to live {@code lifetime} (empty: it never expires). */
    public TokenScope living(Optional<Duration> lifetime) {
        return new TokenScope(readOnly, projects, Optional.of(lifetime.orElse(FOREVER)));
    }

    /** Whether the credential is a token issued to live longer than {@code maximum}. */
    public boolean outlives(Duration maximum) {
        return lifetime.map(issued -> issued.compareTo(maximum) > 0).orElse(false);
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
