package org.rilltokens.cli;

import jakarta.json.JsonString;
import java.util.List;
import java.util.concurrent.Callable;
import org.rilltokens.tokens.control.PlainToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rill token revoke}: one token by id, the token(s) of a name, or all of them. */
@Command(name = "revoke",
        description = {"Revoke one of your tokens by its id, by its display name, or all of them at once.",
            "Scripts using a revoked token get 401 on their very next call."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  rill token revoke rill_usr_3kd9XbQ2aP",
            "  rill token revoke 0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
            "  rill token revoke --display-name \"Local Development\"",
            "  rill token revoke --display-name CI --all --yes      # every token named CI",
            "  rill token revoke --all"})
final class RevokeTokenCommand implements Callable<Integer> {

    static final String TOKENS = "/v1/users/current/tokens";
    // The token format's constants are compile-time constants: javac copies them here, so the CLI jar
    // needs none of the server's classes.
    /** rill_usr_ and the 22-character id: names one token exactly, without its secret. */
    private static final int ID_PART_LENGTH = PlainToken.PREFIX_LENGTH + PlainToken.ID_WIDTH;
    private static final int DISPLAY_ID_LENGTH = PlainToken.PREFIX_LENGTH + PlainToken.DISPLAY_ID_WIDTH;

    @Parameters(arity = "0..1", paramLabel = "TOKEN-ID",
            description = "The ID shown by rill token list (rill_usr_ and 10 characters), a longer prefix, the UUID, or the full token.")
    String tokenId;

    @Option(names = "--display-name", paramLabel = "NAME",
            description = "Revoke the token with this display name; when several have it, asks which (in a terminal) or lists them.")
    String displayName;

    @Option(names = "--all", description = "Revoke all your tokens, or with --display-name all tokens of that name. Asks first.")
    boolean all;

    @Option(names = {"-y", "--yes"}, description = "Do not ask before revoking with --all.")
    boolean yes;

    private final Rill rill;

    RevokeTokenCommand(Rill rill) {
        this.rill = rill;
    }

    @Override
    public Integer call() {
        if (tokenId != null && (displayName != null || all)) {
            throw Failure.usage("Give a TOKEN-ID, or --display-name, or --all; not several");
        }
        if (tokenId == null && displayName == null && !all) {
            throw Failure.usage("Say which token to revoke: rill token revoke TOKEN-ID, --display-name NAME, or --all");
        }
        if (displayName != null && displayName.isBlank()) {
            throw Failure.usage("--display-name must not be blank");
        }
        if (all) {
            confirmAll();
        }
        Target target = rill.target();
        ApiClient api = rill.api();
        if (tokenId != null) {
            byId(api);
        } else if (displayName != null) {
            new RevokeByName(rill, api, displayName.strip()).revoke(all);
        } else {
            everything(api, target);
        }
        return ExitCode.OK;
    }

    /** How a token named on the command line travels in a URL: a full token by its id part only. */
    static String reference(String tokenId) {
        String reference = tokenId.strip();
        // Its secret must not travel in a URL, which proxies log.
        if (reference.startsWith(PlainToken.PREFIX) && reference.length() == PlainToken.LENGTH) {
            reference = reference.substring(0, ID_PART_LENGTH);
        }
        return reference;
    }

    private void byId(ApiClient api) {
        String reference = reference(tokenId);
        api.delete("/v1/users/-/tokens/" + ApiClient.encode(reference));
        String shown = reference.startsWith(PlainToken.PREFIX)
                ? reference.substring(0, Math.min(DISPLAY_ID_LENGTH, reference.length())) : reference;
        rill.invocation().out().println("Revoked " + shown + ".");
    }

    private void confirmAll() {
        String what = displayName == null ? "every token you have" : "every token named '" + displayName.strip() + "'";
        rill.invocation().terminal().confirmUnless(yes, "--all revokes " + what + "; add --yes to confirm when rill does not run in a terminal",
                "Revoke " + what + "? Scripts using them stop working at once.", "Nothing was revoked.");
    }

    private void everything(ApiClient api, Target target) {
        int revoked = api.delete(TOKENS).getInt("tokensRevoked");
        rill.invocation().out().println("Revoked " + revoked + (revoked == 1 ? " token." : " tokens."));
        if (target.fromSavedLogin()) {
            rill.credentialsFile().delete();
            rill.invocation().err().println("That included the token of your saved login, which is now deleted: "
                    + "run rill login to log in again.");
        }
    }

    static List<String> ids(Refusal conflict) {
        return conflict.body().getJsonArray("tokenIds").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
