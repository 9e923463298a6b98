package org.rilltokens.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Where this server answers: {@code RILL_PUBLIC_URL}, else as the request reached it; for links and curl examples. */
@Named
@RequestScoped
public class ServerAddress {

    @Inject
    HttpServletRequest request;

    @Inject
    @ConfigProperty(name = "rill.public.url")
    Optional<String> publicUrl;

    /** The API call every example uses: who am I, with this token. */
    public String getWhoAmI() {
        return base() + "/v1/users/current";
    }

    /**
     * The call an example uses for a new token: who am I, or, for a token restricted to projects, the API
     * description of its first project (the address that shows the token at work there).
     */
    public String tryWith(List<String> projects) {
        if (projects == null || projects.isEmpty()) {
            return getWhoAmI();
        }
        String[] names = projects.get(0).split("/", 2);
        return base() + "/v1/organizations/" + names[0] + "/projects/" + names[1] + "/runtime/api/openapi";
    }

    /** The server's address without a trailing slash, e.g. {@code https://tokens.example.com}. */
    public String base() {
        return base(publicUrl, request);
    }

    /** The same, for code that runs before the request scope does (the authentication mechanism). */
    public static String base(Optional<String> publicUrl, HttpServletRequest request) {
        return configured(publicUrl).orElseGet(() -> {
            String url = request.getRequestURL().toString();
            int path = url.indexOf('/', url.indexOf("//") + 2);
            return (path < 0 ? url : url.substring(0, path)) + request.getContextPath();
        });
    }

    /** {@code RILL_PUBLIC_URL} without a trailing slash, when set: the address outside a request (e.g. in an email). */
    public static Optional<String> configured(Optional<String> publicUrl) {
        return publicUrl.filter(url -> !url.isBlank()).map(url -> url.strip().replaceAll("/+$", ""));
    }
}
