package org.rilltokens.cli;

import java.time.Instant;
import java.util.List;

/**
 * Revoking by display name, which may fit several tokens. Then a person in a terminal picks one (or all);
 * a script gets the candidates listed and nothing is revoked, since guessing would revoke the wrong one.
 */
final class RevokeByName {

    private final Rill rill;
    private final ApiClient api;
    private final String name;

    RevokeByName(Rill rill, ApiClient api, String name) {
        this.rill = rill;
        this.api = api;
        this.name = name;
    }

    void revoke(boolean all) {
        try {
            int revoked = api.delete(query(all)).getInt("tokensRevoked");
            rill.invocation().out().println("Revoked " + (revoked == 1 ? "the token" : revoked + " tokens") + " named '" + name + "'.");
        } catch (Refusal refusal) {
            if (refusal.status() != 409 || all) {
                throw refusal;
            }
            choose(candidates(RevokeTokenCommand.ids(refusal)));
        }
    }

    private List<ListedToken> candidates(List<String> ids) {
        return ListTokensCommand.all(api).stream().map(ListedToken::of).filter(token -> ids.contains(token.id())).toList();
    }

    private void choose(List<ListedToken> candidates) {
        Terminal terminal = rill.invocation().terminal();
        String table = numbered(new TokenTable(rill.invocation().zone(), Instant.now()).render(candidates));
        if (!terminal.isInteractive()) {
            throw Failure.refused(candidates.size() + " of your tokens are named '" + name + "', so nothing was revoked:\n" + table
                    + "Revoke one by its ID (rill token revoke " + candidates.get(0).prefix() + "), or all of them with "
                    + "rill token revoke --display-name '" + name + "' --all --yes");
        }
        terminal.tell(candidates.size() + " of your tokens are named '" + name + "':\n" + table.stripTrailing());
        while (true) {
            String answer = terminal.ask("Revoke which one? Its number, 'all', or Enter for none: ");
            if (answer == null || answer.isEmpty()) {
                throw Failure.refused("Nothing was revoked.");
            }
            if (answer.equalsIgnoreCase("all")) {
                revoke(true);
                return;
            }
            int choice = number(answer);
            if (choice >= 1 && choice <= candidates.size()) {
                ListedToken picked = candidates.get(choice - 1);
                api.delete("/v1/users/-/tokens/" + picked.id());
                rill.invocation().out().println("Revoked " + picked.prefix() + " ('" + name + "').");
                return;
            }
            terminal.tell("Type a number from 1 to " + candidates.size() + ", 'all', or press Enter.");
        }
    }

    private String query(boolean all) {
        return RevokeTokenCommand.TOKENS + "?displayName=" + ApiClient.encode(name) + (all ? "&all=true" : "");
    }

    /** The table with a number before each token, and room for it before the header. */
    private static String numbered(String table) {
        List<String> lines = table.lines().toList();
        StringBuilder out = new StringBuilder("     ").append(lines.get(0)).append('\n');
        for (int i = 1; i < lines.size(); i++) {
            out.append(String.format("%3d) %s", i, lines.get(i))).append('\n');
        }
        return out.toString();
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
