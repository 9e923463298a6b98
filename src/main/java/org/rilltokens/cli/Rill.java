package org.rilltokens.cli;

import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code rill}: the command line of rill-tokens. Results go to stdout, everything else to stderr. */
@Command(name = "rill", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, versionProvider = Rill.Version.class,
        description = {"Log in to a rill-tokens server and manage your personal access tokens from a terminal;",
            "administer organizations, projects, members and user groups."},
        subcommands = {LoginCommand.class, LogoutCommand.class, WhoamiCommand.class, TokenCommand.class, OrgCommand.class,
            ProjectCommand.class, UserCommand.class, UsergroupCommand.class, SudoCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  rill login                                     # approve in the browser, then:",
            "  rill token issue --display-name \"Local Development\"",
            "  rill token list",
            "  rill token revoke --display-name \"Local Development\"",
            "  RILL_API_TOKEN=rill_usr_... rill whoami         # without logging in",
            "  rill user add --org acme --email bob@acme.example --role viewer",
            "",
            "Environment: RILL_API_URL (server address), RILL_API_TOKEN (token to use),",
            "RILL_CONFIG_DIR (folder of the saved login, default ~/.rill)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "1:the server said no (its message is printed), or you answered no",
            "2:usage error: the command cannot work as given (nothing was sent)",
            "3:cannot reach the server"})
public final class Rill implements Runnable {

    @Option(names = "--api-url", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "Server address (default: $RILL_API_URL, else the saved login's, else " + Target.DEFAULT_URL + ").")
    String apiUrl;

    @Option(names = "--api-token", paramLabel = "TOKEN", scope = ScopeType.INHERIT,
            description = "Token to use instead of the saved login. Prefer $RILL_API_TOKEN: other users can see command lines.")
    String apiToken;

    @Spec
    CommandSpec spec;

    private final Invocation invocation;

    Rill(Invocation invocation) {
        this.invocation = invocation;
    }

    public static void main(String[] args) {
        System.exit(run(Invocation.system(), args));
    }

    static int run(Invocation invocation, String... args) {
        Rill rill = new Rill(invocation);
        CommandLine commandLine = new CommandLine(rill, new Factory(rill));
        commandLine.setOut(invocation.out());
        commandLine.setErr(invocation.err());
        commandLine.setParameterExceptionHandler((e, given) -> usageError(e, invocation));
        commandLine.setExecutionExceptionHandler((e, command, parsed) -> failed(e, invocation));
        int exitCode = commandLine.execute(args);
        invocation.out().flush();
        invocation.err().flush();
        return exitCode;
    }

    /** {@code rill} alone: what it can do. */
    @Override
    public void run() {
        spec.commandLine().usage(invocation.out());
    }

    Invocation invocation() {
        return invocation;
    }

    CredentialsFile credentialsFile() {
        return invocation.credentialsFile();
    }

    /** The server to log in to. A saved login that cannot be read is no obstacle: logging in replaces it. */
    String loginApiUrl() {
        return Target.apiUrl(apiUrl, invocation.env(), this::readableSavedLogin);
    }

    /** Where requests go, and with which token: the given one, or the saved login's. */
    Target target() {
        return Target.resolve(apiUrl, apiToken, invocation.env(), this::savedLogin);
    }

    /** A client that acts as the caller. */
    ApiClient api() {
        Target target = target();
        if (target.isCleartextOverNetwork()) {
            invocation.err().println("Warning: " + target.apiUrl() + " is not https: the token crosses the network unencrypted.");
        }
        String hint = target.fromSavedLogin() ? "Run rill login to log in again"
                : "Check the token given with --api-token or RILL_API_TOKEN";
        return new ApiClient(target.apiUrl(), target.token(), hint);
    }

    Optional<Credentials> savedLogin() {
        return credentialsFile().read();
    }

    Optional<Credentials> readableSavedLogin() {
        try {
            return savedLogin();
        } catch (Failure unreadable) {
            return Optional.empty();
        }
    }

    static String version() {
        return Optional.ofNullable(Rill.class.getPackage().getImplementationVersion()).orElse("dev");
    }

    private static int usageError(CommandLine.ParameterException e, Invocation invocation) {
        invocation.err().println("Error: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, invocation.err());
        invocation.err().println("Run '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for its options and examples.");
        return Failure.USAGE;
    }

    private static int failed(Exception e, Invocation invocation) {
        if (e instanceof Failure failure) {
            invocation.err().println("Error: " + failure.getMessage());
            return failure.exitCode();
        }
        // A bug in rill, not in what was asked: say so briefly; RILL_DEBUG shows the details.
        invocation.err().println("Error: rill failed unexpectedly: " + e);
        if (invocation.env().containsKey("RILL_DEBUG")) {
            e.printStackTrace(invocation.err());
        }
        return Failure.REFUSED;
    }

    /** Commands are made with the {@link Rill} they belong to: its options, output and saved login. */
    private record Factory(Rill rill) implements IFactory {

        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                return type.getDeclaredConstructor(Rill.class).newInstance(rill);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }

    static final class Version implements CommandLine.IVersionProvider {

        @Override
        public String[] getVersion() {
            return new String[] {"rill " + version()};
        }
    }
}
