package org.rilltokens.web;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The response headers of every page, in one place. The policy allows only this server's own
 * scripts, styles and forms (no inline script or style: the pages have none), no framing, no
 * referrer; over HTTPS, browsers are told to stay on HTTPS. Pages and API answers are never stored by browsers or proxies, because a page may be
 * showing a new token; only the static stylesheet and script may be cached.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR})
public class SecurityHeaders extends HttpFilter {

    /** Every page's policy, directive by directive. */
    private static final Map<String, String> BASE = directives(
            "default-src", "'self'",
            "script-src", "'self'",
            "style-src", "'self'",
            "img-src", "'self'",
            "object-src", "'none'",
            "base-uri", "'none'",
            "form-action", "'self'",
            "frame-ancestors", "'none'");

    /**
     * What a page needs beyond {@link #BASE}, by context-relative path: its sources are added to the
     * directive's (none does today). Pages never set the header themselves, so none can drop a directive; a page
     * whose needs depend on the request adds them through {@link #allowFormsTo}.
     */
    private static final Map<String, Map<String, String>> ADDED_FOR_PAGE = Map.of();

    static final String POLICY = policy(Map.of());

    /** The base policy with {@code added} sources appended to their directives. */
    static String policy(Map<String, String> added) {
        Map<String, String> merged = new LinkedHashMap<>(BASE);
        added.forEach((directive, sources) -> merged.merge(directive, sources, (base, more) -> base + " " + more));
        return merged.entrySet().stream().map(entry -> entry.getKey() + " " + entry.getValue()).collect(Collectors.joining("; "));
    }

    private static Map<String, String> directives(String... pairs) {
        Map<String, String> directives = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            directives.put(pairs[i], pairs[i + 1]);
        }
        return directives;
    }

    /** This response's additions to the base policy, kept so that each page addition adds to the others. */
    private static final String ADDED = SecurityHeaders.class.getName() + ".added";

    @Inject
    PublicAddress address;

    /**
     * Lets the page being answered send its forms to {@code origin} as well: the OAuth consent page answers with a
     * redirect to the client, and browsers check a form's redirects against form-action too. A page whose needs
     * depend on the request adds them here, to the one policy, before it is rendered.
     */
    public static void allowFormsTo(HttpServletRequest request, HttpServletResponse response, String origin) {
        if (!origin.matches("https?://[^\\s;,'\"]+")) {
            throw new IllegalArgumentException("not an origin: " + origin);
        }
        add(request, response, "form-action", origin);
    }

    private static void add(HttpServletRequest request, HttpServletResponse response, String directive, String sources) {
        @SuppressWarnings("unchecked")
        Map<String, String> added = new LinkedHashMap<>((Map<String, String>) request.getAttribute(ADDED));
        added.merge(directive, sources, (before, more) -> before + " " + more);
        request.setAttribute(ADDED, added);
        response.setHeader("Content-Security-Policy", policy(added));
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Map<String, String> added = ADDED_FOR_PAGE.getOrDefault(pathOf(request), Map.of());
        request.setAttribute(ADDED, added);
        response.setHeader("Content-Security-Policy", added.isEmpty() ? POLICY : policy(added));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        if (address.isHttps(request)) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        if (!isStaticResource(request)) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }

    private static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static boolean isStaticResource(HttpServletRequest request) {
        String path = pathOf(request);
        return path.startsWith("/jakarta.faces.resource/") || path.startsWith("/static/");
    }
}
