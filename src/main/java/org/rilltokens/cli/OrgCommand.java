package org.rilltokens.cli;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rill org}: the organizations you are in (a superuser sees all); superusers create, rename and delete them. */
@Command(name = "org",
        description = "List your organizations; superusers create, rename and delete them.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  rill org list",
            "  rill org create acme --display-name \"Acme Corp\"",
            "  rill org rename acme --new-name acme-corp",
            "  rill org delete acme"})
final class OrgCommand {

    static final String ORGS = "/v1/organizations";

    private final Rill rill;

    OrgCommand(Rill rill) {
        this.rill = rill;
    }

    @Command(name = "list", description = "List the organizations you are in, with your role (a superuser sees all of them).",
            footerHeading = "%nExamples:%n", footer = {"  rill org list", "  rill org list --output json | jq -r '.[].name'"})
    int list(@Mixin Output output) {
        output.print(rill.invocation(), rill.api().get(ORGS).getJsonArray("organizations"), List.of("NAME", "DISPLAY NAME", "YOUR ROLE"),
                org -> List.of(org.getString("name"), Output.text(org, "displayName"), role(org)),
                "You are in no organization. An organization admin can add you: rill user add --org ORG --email YOU --role viewer");
        return ExitCode.OK;
    }

    @Command(name = "create", description = {"Create an organization; you become its first admin. Only superusers can.",
        "NAME: lower-case letters, digits, '-' and '_', up to 64 (it appears in every URL of the organization)."},
            footerHeading = "%nExamples:%n", footer = {"  rill org create acme --display-name \"Acme Corp\""})
    int create(@Parameters(paramLabel = "NAME", description = "The organization's name, e.g. acme.") String name,
            @Option(names = "--display-name", paramLabel = "TEXT", description = "What people read, e.g. \"Acme Corp\" (default: NAME).")
            String displayName) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("name", name);
        if (displayName != null) {
            body.add("displayName", displayName);
        }
        JsonObject org = rill.api().post(ORGS, body.build()).getJsonObject("organization");
        rill.invocation().out().println("Created organization " + ColumnText.printable(org.getString("name")) + " (\""
                + ColumnText.printable(org.getString("displayName")) + "\"); you are its admin.");
        return ExitCode.OK;
    }

    @Command(name = "rename", description = {"Rename an organization or change its display name. Only superusers can.",
        "Its URLs change with the name: scripts that name the old one must follow."},
            footerHeading = "%nExamples:%n", footer = {"  rill org rename acme --new-name acme-corp",
                "  rill org rename acme --display-name \"Acme Corporation\""})
    int rename(@Parameters(paramLabel = "NAME", description = "The organization's current name.") String name,
            @Option(names = "--new-name", paramLabel = "NAME", description = "The new name: lower-case letters, digits, '-' and '_', "
                    + "up to 64.") String newName,
            @Option(names = "--display-name", paramLabel = "TEXT", description = "The new display name.") String displayName) {
        if (newName == null && displayName == null) {
            throw Failure.usage("Give --new-name, --display-name or both");
        }
        JsonObjectBuilder body = Json.createObjectBuilder();
        if (newName != null) {
            body.add("name", newName);
        }
        if (displayName != null) {
            body.add("displayName", displayName);
        }
        JsonObject org = rill.api().put(path(name, ""), body.build()).getJsonObject("organization");
        rill.invocation().out().println("Organization " + ColumnText.printable(name) + " is now "
                + ColumnText.printable(org.getString("name")) + " (\"" + ColumnText.printable(org.getString("displayName")) + "\").");
        return ExitCode.OK;
    }

    @Command(name = "delete", description = {"Delete an organization with its projects, members, groups and invitations. Only "
        + "superusers can; it cannot be undone. Its project files on the server stay where they are.",
        "Asks you to type the name first, unless --yes."},
            footerHeading = "%nExamples:%n", footer = {"  rill org delete acme", "  rill org delete acme --yes"})
    int delete(@Parameters(paramLabel = "NAME", description = "The organization to delete.") String name,
            @Option(names = {"-y", "--yes"}, description = "Do not ask first.") boolean yes) {
        rill.invocation().terminal().confirmTypedUnless(yes, "Deleting organization " + name
                + " needs --yes when rill does not run in a terminal", name, "Delete organization " + name
                + "? Its projects, members, groups and invitations are deleted, and its members' tokens lose it at once.",
                "Nothing was deleted.");
        rill.api().delete(path(name, ""));
        rill.invocation().out().println("Deleted organization " + ColumnText.printable(name) + ".");
        return ExitCode.OK;
    }

    private static String role(JsonObject org) {
        String role = Output.text(org, "role");
        return role.isEmpty() ? "(superuser)" : role;
    }

    /** The API path of {@code org}, with {@code rest} after it. */
    static String path(String org, String rest) {
        return ORGS + "/" + ApiClient.encode(org) + rest;
    }
}
