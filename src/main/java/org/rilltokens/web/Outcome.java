package org.rilltokens.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import org.rilltokens.platform.DomainException;

/**
 * How a portal form ends: refused, with the boundary's message next to the field it names (inputs carry
 * the API's field names as ids) or at the top; or done, with a message on the page the browser is sent
 * back to, so that reloading never sends the form again.
 */
public final class Outcome {

    private Outcome() {
    }

    /** @param form the id of the form whose field {@link DomainException#field()} names */
    public static void refused(FacesContext faces, String form, DomainException e) {
        String field = e.field() == null ? null : form + ":" + e.field();
        boolean known = field != null && faces.getViewRoot().findComponent(field) != null;
        faces.addMessage(known ? field : null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        faces.validationFailed();
    }

    /** Sends the browser to {@code path} (below the context root), which then shows {@code message}. */
    public static void done(FacesContext faces, String message, String path) throws IOException {
        ExternalContext external = faces.getExternalContext();
        external.getFlash().setKeepMessages(true);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
        external.redirect(external.getRequestContextPath() + path);
    }
}
