package org.rilltokens.cli;

import picocli.CommandLine.Command;

/** {@code rill token}: the group of token commands; alone, it is a usage error that lists them. */
@Command(name = "token",
        description = "Issue, list, rotate and revoke your personal access tokens.",
        subcommands = {IssueTokenCommand.class, ListTokensCommand.class, RotateTokenCommand.class, RevokeTokenCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  rill token issue --display-name \"MCP Token\" --ttl-minutes 1440",
            "  rill token list",
            "  rill token rotate rill_usr_3kd9XbQ2aP --grace-minutes 60",
            "  rill token revoke rill_usr_3kd9XbQ2aP"})
final class TokenCommand {
}
