package org.rilltokens.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/** Where this server answers, as the browser reached it: for copy-and-paste curl examples. */
@Named
@RequestScoped
public class ServerAddress {

    @Inject
    HttpServletRequest request;

    /** The API call every example uses: who am I, with this token. */
    public String getWhoAmI() {
        return base() + "/v1/users/current";
    }

    private String base() {
        String url = request.getRequestURL().toString();
        int path = url.indexOf('/', url.indexOf("//") + 2);
        return (path < 0 ? url : url.substring(0, path)) + request.getContextPath();
    }
}
