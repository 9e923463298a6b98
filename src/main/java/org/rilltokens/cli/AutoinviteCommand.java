package org.rilltokens.cli;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rill org autoinvite}: join by domain, the email domains whose people join an organization by themselves. */
@Command(name = "autoinvite",
        description = {"Join by domain: people whose verified email is in a listed domain join the organization with its role",
            "the first time they sign in through the company's identity provider (org admins change the list)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  rill org autoinvite add --org acme --domain acme.example --role viewer",
            "  rill org autoinvite list --org acme",
            "  rill org autoinvite remove --org acme --domain acme.example"})
final class AutoinviteCommand {

    private final Rill rill;

    AutoinviteCommand(Rill rill) {
        this.rill = rill;
    }

    @Command(name = "list", description = "List the domains that join the organization by themselves, with the role they get.",
            footerHeading = "%nExamples:%n", footer = {"  rill org autoinvite list --org acme"})
    int list(@Option(names = "--org", required = true, paramLabel = "ORG", description = "The organization.") String org,
            @Mixin Output output) {
        output.print(rill.invocation(), rill.api().get(OrgCommand.path(org, "/autoinvite")).getJsonArray("autoinvite"),
                List.of("DOMAIN", "ROLE"), domain -> List.of(domain.getString("domain"), domain.getString("role")),
                "No domain joins " + org + " by itself. Add one: rill org autoinvite add --org " + org + " --domain DOMAIN --role viewer");
        return ExitCode.OK;
    }

    @Command(name = "add", description = "Add a domain (or change its role): guest, viewer or editor, never admin.",
            footerHeading = "%nExamples:%n", footer = {"  rill org autoinvite add --org acme --domain acme.example --role viewer"})
    int add(@Option(names = "--org", required = true, paramLabel = "ORG", description = "The organization.") String org,
            @Option(names = "--domain", required = true, paramLabel = "DOMAIN", description = "What follows @, e.g. acme.example.")
            String domain,
            @Option(names = "--role", required = true, paramLabel = "ROLE", description = "guest, viewer or editor.") String role) {
        JsonObject added = rill.api().post(OrgCommand.path(org, "/autoinvite"), Json.createObjectBuilder().add("domain", domain)
                .add("role", role).build()).getJsonObject("autoinvite");
        rill.invocation().out().println("People with a verified email @" + ColumnText.printable(added.getString("domain")) + " join "
                + org + " as " + added.getString("role") + " when they first sign in.");
        return ExitCode.OK;
    }

    @Command(name = "remove", description = "Take a domain off the list; people who joined through it stay members.",
            footerHeading = "%nExamples:%n", footer = {"  rill org autoinvite remove --org acme --domain acme.example"})
    int remove(@Option(names = "--org", required = true, paramLabel = "ORG", description = "The organization.") String org,
            @Option(names = "--domain", required = true, paramLabel = "DOMAIN", description = "The listed domain.") String domain) {
        rill.api().delete(OrgCommand.path(org, "/autoinvite/" + ApiClient.encode(domain)));
        rill.invocation().out().println("People @" + ColumnText.printable(domain) + " no longer join " + org + " by themselves.");
        return ExitCode.OK;
    }
}
