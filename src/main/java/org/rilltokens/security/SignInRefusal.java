package org.rilltokens.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The page a refused sign-in through the OpenID provider lands on: what happened and what to do. */
@Named
@RequestScoped
public class SignInRefusal {

    @Inject
    OpenIdSettings openId;

    private String reason;

    public String getTitle() {
        return switch (reason == null ? "" : reason) {
            case "unverified" -> "Your email address is not verified";
            case "deactivated" -> "Your account is deactivated";
            case "noemail" -> "No usable email address";
            case "cancelled" -> "Sign-in was cancelled";
            case "expired" -> "This sign-in expired";
            case "unavailable" -> "Sign-in is not available right now";
            default -> "Sign-in did not work";
        };
    }

    public String getText() {
        String provider = openId.getProviderName();
        return switch (reason == null ? "" : reason) {
            case "unverified" -> provider + " did not confirm that the email address of your account is verified, so no account "
                    + "was opened or signed in. Verify your email address there (or ask your administrator), then sign in again.";
            case "noemail" -> provider + " did not tell this server an email address it can use for your account, so "
                    + "nobody was signed in. Ask your administrator to check the email claim (RILL_OIDC_EMAIL_CLAIM).";
            case "deactivated" -> "An administrator of rill-tokens deactivated your account, so you cannot sign in, and your "
                    + "tokens do not work. Ask an administrator to reactivate it.";
            case "cancelled" -> provider + " did not sign you in. Nothing changed here; you can try again.";
            case "expired" -> "The sign-in took too long or was started in another window. Start it again from the sign-in page.";
            case "unavailable" -> provider + " could not be reached. Try again in a moment; if it keeps failing, tell your "
                    + "administrator.";
            default -> provider + " answered in a way this server could not accept, so nobody was signed in. Try again; if it "
                    + "keeps failing, tell your administrator (the server's log says why).";
        };
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
