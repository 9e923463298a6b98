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
        description = "List your organizations; superusers create, rename and delete them; admins choose the domains that join by themselves.",
        subcommands = AutoinviteCommand.class,
        footerHeading = "%nExamples:%n",
        footer = {
            "  rill org list",
            "  rill org create acme --display-name \"Acme Corp\"",
            "  rill org tokens acme --user bob@acme.example",
            "  rill org token-policy acme --max-lifetime-minutes 43200",
            "  rill org autoinvite add --org acme --domain acme.example --role viewer",
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

    @Command(name = "tokens", description = {"List every live token that can reach the organization, with its owner (org admins).",
        "Never a secret: owner, id, name, expiry, last use and address, and whether the token is blocked there."},
            footerHeading = "%nExamples:%n", footer = {"  rill org tokens acme", "  rill org tokens acme --user bob@acme.example"})
    int tokens(@Parameters(paramLabel = "ORG", description = "The organization, e.g. acme.") String org,
            @Option(names = "--user", paramLabel = "EMAIL", description = "Only this person's tokens.") String user,
            @Mixin Output output) {
        String query = user == null ? "" : "?user=" + ApiClient.encode(user);
        output.print(rill.invocation(), rill.api().get(path(org, "/tokens" + query)).getJsonArray("tokens"),
                List.of("OWNER", "ID", "UUID", "DISPLAY NAME", "EXPIRES", "LAST USED", "FROM", "HERE"),
                token -> List.of(token.getString("owner"), token.getString("prefix"), token.getString("id"),
                        ColumnText.printable(token.getString("displayName")), orNever(token, "expiresOn"), orNever(token, "usedOn"),
                        Output.text(token, "usedIp"), here(org, token)),
                "No live token reaches " + org + ".");
        return ExitCode.OK;
    }

    @Command(name = "revoke-token", description = "Revoke a token that reaches the organization (org admins); its owner sees who did.",
            footerHeading = "%nExamples:%n", footer = {"  rill org revoke-token acme 3f1c…-uuid-from-rill-org-tokens"})
    int revokeToken(@Parameters(index = "0", paramLabel = "ORG", description = "The organization.") String org,
            @Parameters(index = "1", paramLabel = "TOKEN-UUID", description = "The token's UUID, as rill org tokens lists it.")
            String tokenId) {
        rill.api().delete(path(org, "/tokens/" + ApiClient.encode(tokenId)));
        rill.invocation().out().println("Revoked token " + tokenId + ".");
        return ExitCode.OK;
    }

    @Command(name = "token-policy", description = {"Show the organization's longest token lifetime, or set it (org admins).",
        "A token issued to live longer is not revoked, but cannot reach the organization's projects."},
            footerHeading = "%nExamples:%n", footer = {"  rill org token-policy acme", "  rill org token-policy acme --max-lifetime-minutes 43200",
                "  rill org token-policy acme --no-max"})
    int tokenPolicy(@Parameters(paramLabel = "ORG", description = "The organization.") String org,
            @Option(names = "--max-lifetime-minutes", paramLabel = "N", description = "The longest lifetime, in minutes.") Long max,
            @Option(names = "--no-max", description = "Lift the maximum.") boolean noMax) {
        JsonObject policy = max == null && !noMax ? rill.api().get(path(org, "/token-policy"))
                : rill.api().put(path(org, "/token-policy"), Json.createObjectBuilder()
                        .add("maxLifetimeMinutes", noMax ? jakarta.json.JsonValue.NULL : Json.createValue(max)).build());
        rill.invocation().out().println(org + ": " + (policy.isNull("maxLifetimeMinutes") ? "no maximum token lifetime"
                : "tokens may live at most " + policy.getJsonNumber("maxLifetimeMinutes").longValue() + " minutes"));
        return ExitCode.OK;
    }

    private static String orNever(JsonObject token, String field) {
        String value = Output.text(token, field);
        return value.isEmpty() ? "Never" : value.replace('T', ' ').replaceAll(":\\d{2}(\\.\\d+)?Z$", "Z");
    }

    private static String here(String org, JsonObject token) {
        if (token.containsKey("ownerReachesOrg") && !token.isNull("ownerReachesOrg") && !token.getBoolean("ownerReachesOrg")) {
            return "owner left";
        }
        return token.getJsonArray("blockedIn").getValuesAs(jakarta.json.JsonString.class).stream()
                .anyMatch(name -> name.getString().equals(org)) ? "blocked (too long-lived)" : "reaches";
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
