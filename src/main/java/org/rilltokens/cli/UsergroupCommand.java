package org.rilltokens.cli;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rill usergroup}: an organization's user groups, their members, and the project roles they hold. */
@Command(name = "usergroup",
        description = "Manage the user groups of an organization and the project roles they give their members.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  rill usergroup create --org acme --group emea",
            "  rill usergroup add --org acme --group emea --email bob@acme.example",
            "  rill usergroup set-role --org acme --project sales --group emea --role viewer",
            "  rill usergroup list --org acme"})
final class UsergroupCommand {

    private final Rill rill;

    UsergroupCommand(Rill rill) {
        this.rill = rill;
    }

    @Command(name = "list", description = "List the groups with their members; with --project, the roles groups hold on it.",
            footerHeading = "%nExamples:%n", footer = {"  rill usergroup list --org acme", "  rill usergroup list --org acme --project sales"})
    int list(@Option(names = "--org", required = true, paramLabel = "ORG", description = "The organization.") String org,
            @Option(names = "--project", paramLabel = "PROJECT", description = "A project of the organization.") String project,
            @Mixin Output output) {
        if (project != null) {
            output.print(rill.invocation(), rill.api().get(UserCommand.projectPath(org, project, "/usergroups")).getJsonArray("usergroups"),
                    List.of("GROUP", "ROLE"), group -> List.of(group.getString("name"), group.getString("role")),
                    "No group holds a role on " + org + "/" + project + ".");
        } else {
            output.print(rill.invocation(), rill.api().get(OrgCommand.path(org, "/usergroups")).getJsonArray("usergroups"),
                    List.of("GROUP", "MEMBERS"), group -> List.of(group.getString("name"), members(group)), org + " has no groups.");
        }
        return ExitCode.OK;
    }

    @Command(name = "create", description = "Create a group (org editors and admins). Names: lower-case letters, digits, '-', '_'.",
            footerHeading = "%nExamples:%n", footer = {"  rill usergroup create --org acme --group emea"})
    int create(@Option(names = "--org", required = true, paramLabel = "ORG", description = "The organization.") String org,
            @Option(names = "--group", required = true, paramLabel = "GROUP", description = "The new group's name.") String group) {
        rill.api().post(OrgCommand.path(org, "/usergroups"), Json.createObjectBuilder().add("name", group).build());
        return done("Created group " + group + " in " + org + ".");
    }

    @Command(name = "rename", description = "Rename a group; its members and project roles stay.",
            footerHeading = "%nExamples:%n", footer = {"  rill usergroup rename --org acme --group emea --new-name europe"})
    int rename(@Option(names = "--org", required = true, paramLabel = "ORG", description = "The organization.") String org,
            @Option(names = "--group", required = true, paramLabel = "GROUP", description = "The group.") String group,
            @Option(names = "--new-name", required = true, paramLabel = "NAME", description = "Its new name.") String name) {
        rill.api().put(groupPath(org, group), Json.createObjectBuilder().add("name", name).build());
        return done("Renamed group " + group + " to " + name + ".");
    }

    @Command(name = "delete", description = "Delete a group: its members lose the project roles it gave them.",
            footerHeading = "%nExamples:%n", footer = {"  rill usergroup delete --org acme --group emea"})
    int delete(@Option(names = "--org", required = true, paramLabel = "ORG", description = "The organization.") String org,
            @Option(names = "--group", required = true, paramLabel = "GROUP", description = "The group.") String group) {
        rill.api().delete(groupPath(org, group));
        return done("Deleted group " + group + ".");
    }

    @Command(name = "add", description = "Add a member of the organization to a group.",
            footerHeading = "%nExamples:%n", footer = {"  rill usergroup add --org acme --group emea --email bob@acme.example"})
    int add(@Option(names = "--org", required = true, paramLabel = "ORG", description = "The organization.") String org,
            @Option(names = "--group", required = true, paramLabel = "GROUP", description = "The group.") String group,
            @Option(names = "--email", required = true, paramLabel = "EMAIL", description = "The member's email.") String email) {
        rill.api().put(groupPath(org, group) + "/members/" + ApiClient.encode(email), Json.createObjectBuilder().build());
        return done("Added " + email + " to group " + group + ".");
    }

    @Command(name = "remove", description = "Take a person out of a group.",
            footerHeading = "%nExamples:%n", footer = {"  rill usergroup remove --org acme --group emea --email bob@acme.example"})
    int remove(@Option(names = "--org", required = true, paramLabel = "ORG", description = "The organization.") String org,
            @Option(names = "--group", required = true, paramLabel = "GROUP", description = "The group.") String group,
            @Option(names = "--email", required = true, paramLabel = "EMAIL", description = "The member's email.") String email) {
        rill.api().delete(groupPath(org, group) + "/members/" + ApiClient.encode(email));
        return done("Removed " + email + " from group " + group + ".");
    }

    @Command(name = "set-role", description = {"Give every member of the group a role on a project (project admins), replacing "
        + "the one the group held there;", "--role none takes the group's role on the project away."},
            footerHeading = "%nExamples:%n", footer = {"  rill usergroup set-role --org acme --project sales --group emea --role viewer",
                "  rill usergroup set-role --org acme --project sales --group emea --role none"})
    int setRole(@Option(names = "--org", required = true, paramLabel = "ORG", description = "The organization.") String org,
            @Option(names = "--project", required = true, paramLabel = "PROJECT", description = "The project.") String project,
            @Option(names = "--group", required = true, paramLabel = "GROUP", description = "The group.") String group,
            @Option(names = "--role", required = true, paramLabel = "ROLE", description = UserCommand.PROJECT_ROLES + ", or none.")
            String role) {
        String path = UserCommand.projectPath(org, project, "/usergroups/" + ApiClient.encode(group) + "/roles");
        if (role.equalsIgnoreCase("none")) {
            rill.api().delete(path);
            return done("Group " + group + " holds no role on " + org + "/" + project + " any more.");
        }
        rill.api().put(path, Json.createObjectBuilder().add("role", role).build());
        return done("Group " + group + " is now " + role + " of " + org + "/" + project + ".");
    }

    private int done(String message) {
        rill.invocation().out().println(ColumnText.printable(message));
        return ExitCode.OK;
    }

    private static String groupPath(String org, String group) {
        return OrgCommand.path(org, "/usergroups/" + ApiClient.encode(group));
    }

    private static String members(JsonObject group) {
        return group.getJsonArray("members").getValuesAs(JsonString.class).stream().map(JsonString::getString)
                .collect(Collectors.joining(", "));
    }
}
