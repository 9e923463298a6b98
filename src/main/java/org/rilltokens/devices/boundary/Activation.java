package org.rilltokens.devices.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import org.rilltokens.platform.DomainException;
import org.rilltokens.web.ActiveUser;
import org.rilltokens.web.RelativeTime;

/**
 * The page where a signed-in person approves or denies a device login (/activate): enter the code the
 * terminal shows (or follow its link), see which device asks and what it would get, then decide.
 */
@Named
@ViewScoped
public class Activation implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String FLASH_KEY = "deviceDecision";

    /** What was decided, shown once after the redirect that follows the decision. */
    public record Decision(boolean approved, PendingLogin login) implements Serializable {
    }

    @Inject
    transient Devices devices;

    @Inject
    ActiveUser user;

    @Inject
    transient FacesContext faces;

    private String code;
    private PendingLogin pending;

    /** Opening the page. Like every page it never shows inside another site's frame (see SecurityHeaders). */
    public void load() {
        if (code != null && !code.isBlank()) {
            find();
        }
    }

    public void find() {
        try {
            pending = devices.pending(code).orElse(null);
            if (pending == null) {
                error("No login is waiting for the code " + code.strip() + ". A code works for 10 minutes and only once: "
                        + "run rill login again for a new one.");
            }
        } catch (DomainException e) {
            error(e.getMessage());
        }
    }

    public void approve() throws IOException {
        decide(true);
    }

    public void deny() throws IOException {
        decide(false);
    }

    private void decide(boolean approved) throws IOException {
        try {
            if (approved) {
                devices.approve(user.id(), pending.id());
            } else {
                devices.deny(user.id(), pending.id());
            }
        } catch (DomainException e) {
            pending = null;
            error(e.getMessage());
            return;
        }
        ExternalContext external = faces.getExternalContext();
        external.getFlash().put(FLASH_KEY, new Decision(approved, pending));
        external.getFlash().setRedirect(true);
        external.redirect(external.getRequestContextPath() + "/activate");
    }

    private void error(String message) {
        faces.addMessage("enter:code", new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    }

    public Decision getDecision() {
        return (Decision) faces.getExternalContext().getFlash().get(FLASH_KEY);
    }

    public PendingLogin getPending() {
        return pending;
    }

    public String shown(Instant instant) {
        return RelativeTime.exact(instant);
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
