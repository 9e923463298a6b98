package org.rilltokens.cli;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rill user}: the members of an organization (or, with {@code --project}, a project's direct members),
 * their roles and attributes. Adding an email that has no account prints a one-time invitation link.
 */
@Command(name = "user",
        description = "List, add, change and remove the members of an organization or project.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  rill user list --org acme",
            "  rill user add --org acme --email bob@acme.example --role viewer",
            "  rill user add --org acme --project sales --email c@x.example --role viewer",
            "  rill user set-role --org acme --email bob@acme.example --role editor",
            "  rill user set-attributes --org acme --email bob@acme.example region=EMEA",
            "  rill user remove --org acme --email bob@acme.example"})
final class UserCommand {

    static final String ORG_ROLES = "admin, editor, viewer or guest";
    static final String PROJECT_ROLES = "admin, editor or viewer";

    private final Rill rill;

    UserCommand(Rill rill) {
        this.rill = rill;
    }

    @Command(name = "list", description = {"List the members of the organization with their role, groups and attributes, "
        + "then its pending invitations.", "With --project: the people with a direct role on that project."},
            footerHeading = "%nExamples:%n", footer = {"  rill user list --org acme", "  rill user list --org acme --project sales"})
    int list(@Option(names = "--org", required = true, paramLabel = "ORG", description = "The organization.") String org,
            @Option(names = "--project", paramLabel = "PROJECT", description = "A project of the organization.") String project,
            @Mixin Output output) {
        ApiClient api = rill.api();
        if (project != null) {
            output.print(rill.invocation(), api.get(projectPath(org, project, "/members")).getJsonArray("members"),
                    List.of("EMAIL", "NAME", "ROLE"), m -> List.of(m.getString("email"), Output.text(m, "displayName"), m.getString("role")),
                    "Nobody has a direct role on " + org + "/" + project + ".");
            return ExitCode.OK;
        }
        JsonArrayBuilder people = Json.createArrayBuilder();
        api.allPages(OrgCommand.path(org, "/members"), "members").forEach(people::add);
        api.get(OrgCommand.path(org, "/invites")).getJsonArray("invites").getValuesAs(JsonObject.class)
                .forEach(invite -> people.add(Json.createObjectBuilder(invite).add("displayName", "(invited)")));
        output.print(rill.invocation(), people.build(), List.of("EMAIL", "NAME", "ROLE", "GROUPS", "ATTRIBUTES"),
                m -> List.of(m.getString("email"), Output.text(m, "displayName"), m.getString("role"), groups(m), attributes(m)),
                org + " has no members.");
        return ExitCode.OK;
    }

    @Command(name = "add", description = {"Give a person a role in the organization (or, with --project, on a project: someone "
        + "outside the organization becomes a guest).", "An email without an account is invited instead: the one-time link is "
        + "printed (alone on stdout); hand it to the person. It works once, for 7 days."},
            footerHeading = "%nExamples:%n", footer = {"  rill user add --org acme --email bob@acme.example --role viewer",
                "  rill user add --org acme --project sales --email c@x.example --role viewer"})
    int add(@Option(names = "--org", required = true, paramLabel = "ORG", description = "The organization.") String org,
            @Option(names = "--project", paramLabel = "PROJECT", description = "A project of the organization.") String project,
            @Option(names = "--email", required = true, paramLabel = "EMAIL", description = "The person's email.") String email,
            @Option(names = "--role", required = true, paramLabel = "ROLE",
                    description = "Org role: " + ORG_ROLES + "; project role: " + PROJECT_ROLES + ".") String role) {
        JsonObject body = Json.createObjectBuilder().add("email", email).add("role", role).build();
        JsonObject added = rill.api().post(project == null ? OrgCommand.path(org, "/members") : projectPath(org, project, "/members"), body);
        String where = project == null ? org : org + "/" + project;
        if (added.getBoolean("pendingSignup", false)) {
            JsonObject invite = added.getJsonObject("invite");
            rill.invocation().err().println(ColumnText.printable(email) + " has no account yet, so they are invited as " + role + " of "
                    + where + ". Give them this link; it works once, until " + new TokenTable(rill.invocation().zone())
                    .when(Instant.parse(invite.getString("expiresOn"))) + ":");
            rill.invocation().err().flush();
            rill.invocation().out().println(invite.getString("url"));
        } else {
            rill.invocation().out().println("Added " + ColumnText.printable(email) + " to " + where + " as " + role + ".");
        }
        return ExitCode.OK;
    }

    @Command(name = "set-role", description = "Change a member's role in the organization (or, with --project, their direct project role).",
            footerHeading = "%nExamples:%n", footer = {"  rill user set-role --org acme --email bob@acme.example --role editor"})
    int setRole(@Option(names = "--org", required = true, paramLabel = "ORG", description = "The organization.") String org,
            @Option(names = "--project", paramLabel = "PROJECT", description = "A project of the organization.") String project,
            @Option(names = "--email", required = true, paramLabel = "EMAIL", description = "The member's email.") String email,
            @Option(names = "--role", required = true, paramLabel = "ROLE",
                    description = "Org role: " + ORG_ROLES + "; project role: " + PROJECT_ROLES + ".") String role) {
        rill.api().put(memberPath(org, project, email), Json.createObjectBuilder().add("role", role).build());
        rill.invocation().out().println(ColumnText.printable(email) + " is now " + role + " of " + (project == null ? org : org + "/" + project) + ".");
        return ExitCode.OK;
    }

    @Command(name = "remove", description = {"Take a person out of the organization with all their roles and groups there "
        + "(or, with --project, their direct project role). Their tokens lose that access on the next request."},
            footerHeading = "%nExamples:%n", footer = {"  rill user remove --org acme --email bob@acme.example",
                "  rill user remove --org acme --email current        # leave acme yourself"})
    int remove(@Option(names = "--org", required = true, paramLabel = "ORG", description = "The organization.") String org,
            @Option(names = "--project", paramLabel = "PROJECT", description = "A project of the organization.") String project,
            @Option(names = "--email", required = true, paramLabel = "EMAIL", description = "The member's email, or current for yourself.")
            String email) {
        rill.api().delete(memberPath(org, project, email));
        rill.invocation().out().println("Removed " + ColumnText.printable(email) + " from " + (project == null ? org : org + "/" + project) + ".");
        return ExitCode.OK;
    }

    @Command(name = "set-attributes", description = {"Replace a member's custom attributes in the organization; only its security "
        + "policies see them ({{ .user.NAME }}).", "Names: letters, digits and '_'; values up to 1024 characters. --clear removes all."},
            footerHeading = "%nExamples:%n", footer = {"  rill user set-attributes --org acme --email bob@acme.example region=EMEA",
                "  rill user set-attributes --org acme --email bob@acme.example --clear"})
    int setAttributes(@Option(names = "--org", required = true, paramLabel = "ORG", description = "The organization.") String org,
            @Option(names = "--email", required = true, paramLabel = "EMAIL", description = "The member's email.") String email,
            @Option(names = "--clear", description = "Remove every custom attribute of the member.") boolean clear,
            @Parameters(paramLabel = "NAME=VALUE", arity = "0..*", description = "The attributes, replacing all the member had.")
            List<String> pairs) {
        List<String> given = pairs == null ? List.of() : pairs;
        if (given.isEmpty() && !clear) {
            throw Failure.usage("Give the attributes as NAME=VALUE (e.g. region=EMEA), or --clear to remove them all");
        }
        JsonObjectBuilder attributes = Json.createObjectBuilder();
        for (String pair : given) {
            int equals = pair.indexOf('=');
            if (equals < 1) {
                throw Failure.usage("'" + pair + "' is not NAME=VALUE, e.g. region=EMEA");
            }
            attributes.add(pair.substring(0, equals), pair.substring(equals + 1));
        }
        JsonObject answer = rill.api().put(OrgCommand.path(org, "/members/" + ApiClient.encode(email) + "/attributes"),
                Json.createObjectBuilder().add("attributes", attributes).build());
        rill.invocation().out().println(ColumnText.printable(email) + " in " + org + ": " + attributes(answer));
        return ExitCode.OK;
    }

    static String projectPath(String org, String project, String rest) {
        return OrgCommand.path(org, "/projects/" + ApiClient.encode(project) + rest);
    }

    private static String memberPath(String org, String project, String email) {
        String member = "/members/" + ApiClient.encode(email);
        return project == null ? OrgCommand.path(org, member) : projectPath(org, project, member);
    }

    private static String groups(JsonObject member) {
        JsonValue groups = member.get("groups");
        return groups instanceof JsonArray list ? list.getValuesAs(JsonString.class).stream().map(JsonString::getString)
                .collect(Collectors.joining(",")) : "";
    }

    private static String attributes(JsonObject member) {
        JsonValue attributes = member.get("attributes");
        return attributes instanceof JsonObject map ? map.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + (entry.getValue() instanceof JsonString text ? text.getString() : entry.getValue()))
                .collect(Collectors.joining(" ")) : "";
    }
}
