package org.rilltokens.cli;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rill project}: an organization's projects. */
@Command(name = "project",
        description = "List, create and delete the projects of an organization.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  rill project list --org acme",
            "  rill project create sales --org acme --description \"Orders and revenue\"",
            "  rill project delete sales --org acme"})
final class ProjectCommand {

    private final Rill rill;

    ProjectCommand(Rill rill) {
        this.rill = rill;
    }

    @Command(name = "list", description = "List the projects of the organization that you can see.",
            footerHeading = "%nExamples:%n", footer = {"  rill project list --org acme"})
    int list(@Option(names = "--org", required = true, paramLabel = "ORG", description = "The organization.") String org,
            @Mixin Output output) {
        output.print(rill.invocation(), rill.api().get(OrgCommand.path(org, "/projects")).getJsonArray("projects"),
                List.of("NAME", "DESCRIPTION"), project -> List.of(project.getString("name"), Output.text(project, "description")),
                "You see no project in " + org + ".");
        return ExitCode.OK;
    }

    @Command(name = "create", description = {"Create a project (org editors and admins). Its files go in RILL_PROJECTS_DIR/ORG/NAME/ "
        + "on the server.", "NAME: lower-case letters, digits, '-' and '_', up to 64."},
            footerHeading = "%nExamples:%n", footer = {"  rill project create sales --org acme --description \"Orders and revenue\""})
    int create(@Parameters(paramLabel = "NAME", description = "The project's name, e.g. sales.") String name,
            @Option(names = "--org", required = true, paramLabel = "ORG", description = "The organization.") String org,
            @Option(names = "--description", paramLabel = "TEXT", description = "What the project is for.") String description) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("name", name);
        if (description != null) {
            body.add("description", description);
        }
        rill.api().post(OrgCommand.path(org, "/projects"), body.build());
        rill.invocation().out().println("Created project " + ColumnText.printable(org + "/" + name) + ".");
        return ExitCode.OK;
    }

    @Command(name = "delete", description = {"Delete a project with its members and group roles (org admins). Its files on the "
        + "server stay where they are.", "Asks first, unless --yes."},
            footerHeading = "%nExamples:%n", footer = {"  rill project delete sales --org acme", "  rill project delete sales --org acme --yes"})
    int delete(@Parameters(paramLabel = "NAME", description = "The project to delete.") String name,
            @Option(names = "--org", required = true, paramLabel = "ORG", description = "The organization.") String org,
            @Option(names = {"-y", "--yes"}, description = "Do not ask first.") boolean yes) {
        rill.invocation().terminal().confirmUnless(yes, "Deleting project " + org + "/" + name
                + " needs --yes when rill does not run in a terminal", "Delete project " + org + "/" + name
                + "? Its members lose their roles on it at once.", "Nothing was deleted.");
        rill.api().delete(OrgCommand.path(org, "/projects/" + ApiClient.encode(name)));
        rill.invocation().out().println("Deleted project " + ColumnText.printable(org + "/" + name) + ".");
        return ExitCode.OK;
    }
}
