package org.rilltokens.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class TargetTest {

    private static final Supplier<Optional<Credentials>> SAVED = () -> Optional.of(new Credentials("https://rill.example.com", "rill_usr_saved", "a@b.c"));
    private static final Map<String, String> ENV = Map.of("RILL_API_URL", "http://env.example:8080/", "RILL_API_TOKEN", "rill_usr_env");

    @Test
    void theFlagWinsOverTheEnvironmentWhichWinsOverTheSavedLogin() {
        assertThat(Target.resolve("https://flag.example", "rill_usr_flag", ENV, SAVED))
                .isEqualTo(new Target("https://flag.example", "rill_usr_flag", false));
        assertThat(Target.resolve(null, null, ENV, SAVED)).isEqualTo(new Target("http://env.example:8080", "rill_usr_env", false));
        assertThat(Target.resolve(null, null, Map.of(), SAVED)).isEqualTo(new Target("https://rill.example.com", "rill_usr_saved", true));
        assertThat(Target.resolve(null, "rill_usr_flag", Map.of("RILL_API_URL", " "), Optional::empty).apiUrl())
                .isEqualTo(Target.DEFAULT_URL);
    }

    @Test
    void theSavedLoginIsNotReadWhenAddressAndTokenAreGiven() {
        Supplier<Optional<Credentials>> unreadable = () -> {
            throw Failure.usage("damaged");
        };

        assertThat(Target.resolve(null, null, ENV, unreadable).token()).isEqualTo("rill_usr_env");
        assertThatThrownBy(() -> Target.resolve(null, "rill_usr_flag", Map.of(), unreadable)).hasMessage("damaged");
    }

    @Test
    void aSavedTokenNeverGoesToAnotherServer() {
        assertThatThrownBy(() -> Target.resolve("https://other.example", null, Map.of(), SAVED))
                .isInstanceOf(Failure.class).hasMessageContaining("saved login is for https://rill.example.com, not https://other.example")
                .satisfies(e -> assertThat(((Failure) e).exitCode()).isEqualTo(Failure.USAGE));
        assertThat(Target.resolve("https://rill.example.com/", null, Map.of(), SAVED).token()).isEqualTo("rill_usr_saved");
    }

    @Test
    void withoutAnyTokenTheMessageSaysHowToGetOne() {
        assertThatThrownBy(() -> Target.resolve(null, null, Map.of(), Optional::empty))
                .isInstanceOf(Failure.class).hasMessageContaining("Not logged in: run rill login");
    }

    @Test
    void onlyHttpAddressesAreAcceptedAndTheSourceIsNamed() {
        assertThat(Target.normalize(" https://rill.example.com/// ", "--api-url")).isEqualTo("https://rill.example.com");
        assertThat(Target.normalize("http://localhost:8080/base/", "--api-url")).isEqualTo("http://localhost:8080/base");
        assertThatThrownBy(() -> Target.normalize("localhost:8080", "--api-url")).hasMessageContaining("--api-url must be a server address");
        assertThatThrownBy(() -> Target.normalize("ftp://x.example", "RILL_API_URL")).hasMessageContaining("RILL_API_URL must be");
        assertThatThrownBy(() -> Target.normalize("http://user:pw@x.example", "--api-url")).isInstanceOf(Failure.class);
        assertThatThrownBy(() -> Target.normalize("http://x.example/?a=b", "--api-url")).isInstanceOf(Failure.class);
        assertThatThrownBy(() -> Target.normalize("http://bad host", "--api-url")).isInstanceOf(Failure.class);
    }

    @Test
    void plainHttpIsFlaggedOnlyWhenItLeavesTheMachine() {
        assertThat(new Target("http://rill.example.com", "t", false).isCleartextOverNetwork()).isTrue();
        assertThat(new Target("https://rill.example.com", "t", false).isCleartextOverNetwork()).isFalse();
        assertThat(new Target("http://localhost:8080", "t", false).isCleartextOverNetwork()).isFalse();
        assertThat(new Target("http://127.0.0.1:8080", "t", false).isCleartextOverNetwork()).isFalse();
        assertThat(new Target("http://[::1]:8080", "t", false).isCleartextOverNetwork()).isFalse();
    }
}
