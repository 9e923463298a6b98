package org.rilltokens.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import org.rilltokens.platform.DomainException;
import org.rilltokens.users.boundary.Accounts;

/** The Account page: the signed-in person changes their display name, or their password (the current one first). */
@Named
@RequestScoped
public class AccountSettings {

    @Inject
    Accounts accounts;

    @Inject
    ActiveUser user;

    @Inject
    FacesContext faces;

    private String displayName;
    private String currentPassword;
    private String newPassword;
    private String repeated;

    public void load() {
        if (displayName == null) {
            displayName = user.getDisplayName();
        }
    }

    public void rename() throws IOException {
        try {
            accounts.rename(user.actor(), displayName);
            user.refresh();
            Outcome.done(faces, "Your display name is now “" + displayName.strip() + "”.", "/account");
        } catch (DomainException e) {
            Outcome.refused(faces, "name", e);
        }
    }

    public void changePassword() throws IOException {
        if (newPassword == null || !newPassword.equals(repeated)) {
            Outcome.refused(faces, "password", DomainException.invalid("repeated", "The two new passwords differ; type the same one twice"));
            return;
        }
        try {
            accounts.changePassword(user.actor(), currentPassword, newPassword);
            Outcome.done(faces, "Your password was changed. Your tokens are not affected.", "/account");
        } catch (DomainException e) {
            Outcome.refused(faces, "password", e);
        }
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getRepeated() {
        return repeated;
    }

    public void setRepeated(String repeated) {
        this.repeated = repeated;
    }
}
