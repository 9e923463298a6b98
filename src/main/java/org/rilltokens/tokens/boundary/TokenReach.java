package org.rilltokens.tokens.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.rilltokens.access.boundary.Access;
import org.rilltokens.access.control.ProjectAccess;
import org.rilltokens.platform.TokenScope;
import org.rilltokens.web.ActiveUser;

/**
 * The Access page's "What one token can reach": for a token the person picks, each of their projects with what
 * that token gets there now — their role, read-only, or nothing because the token leaves the project out.
 */
@Named
@RequestScoped
public class TokenReach {

    /** One project as the chosen token sees it. */
    public record Reach(String project, boolean reached, String answer) {
    }

    @Inject
    Tokens tokens;

    @Inject
    Access access;

    @Inject
    ActiveUser user;

    private String token;
    private List<TokenInfo> owned;

    public List<TokenInfo> getTokens() {
        if (owned == null) {
            owned = tokens.list(user.id(), null, null).tokens();
        }
        return owned;
    }

    public Optional<TokenInfo> getChosen() {
        return getTokens().stream().filter(info -> info.id().toString().equals(token)).findFirst();
    }

    public List<Reach> getReach() {
        return getChosen().map(chosen -> access.of(user.id()).stream().flatMap(org -> org.projects().stream())
                .map(project -> reach(project, TokenScope.of(chosen.readOnly(),
                        chosen.projects() == null ? null : Set.copyOf(chosen.projects())))).toList())
                .orElse(List.of());
    }

    private static Reach reach(ProjectAccess project, TokenScope scope) {
        String path = project.org() + "/" + project.project();
        if (!scope.includes(project.org(), project.project())) {
            return new Reach(path, false, "not included: answered 403");
        }
        String role = project.role().name().toLowerCase(Locale.ROOT);
        return new Reach(path, true, scope.readOnly() ? role + ", read-only (data APIs and MCP only)" : role);
    }

    public String getToken() {
        return token;
    }

    /** The token's id from the page's address; anything else chooses nothing. */
    public void setToken(String token) {
        try {
            this.token = token == null ? null : UUID.fromString(token.strip()).toString();
        } catch (IllegalArgumentException notAnId) {
            this.token = null;
        }
    }
}
