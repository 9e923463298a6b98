package org.rilltokens.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/** Where this server answers ({@link PublicAddress}): for links and copy-and-paste curl examples. */
@Named
@RequestScoped
public class ServerAddress {

    @Inject
    HttpServletRequest request;

    @Inject
    PublicAddress address;

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

    private String base() {
        return address.url(request, "");
    }
}
