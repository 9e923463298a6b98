package org.rilltokens.devices.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UserCodeTest {

    @Test
    void aGeneratedCodeIsTwoGroupsOfFourConsonants() {
        UserCode code = UserCode.generate();

        assertThat(code.display()).matches("[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}");
        assertThat(code.value()).isEqualTo(code.display().replace("-", ""));
    }

    @Test
    void codesUseTheWholeAlphabetAndRarelyRepeat() {
        SplittableRandom random = new SplittableRandom(42);
        Set<String> codes = new HashSet<>();
        Set<Character> letters = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = UserCode.generate(random).value();
            codes.add(code);
            code.chars().forEach(c -> letters.add((char) c));
        }
        assertThat(codes).hasSize(10_000);
        assertThat(letters).hasSize(UserCode.ALPHABET.length());
    }

    @Test
    void aTypedCodeMayUseAnyCaseSpacesAndTheDash() {
        assertThat(UserCode.parse("WDJB-MJHT")).contains(new UserCode("WDJBMJHT"));
        assertThat(UserCode.parse(" wdjb mjht ")).contains(new UserCode("WDJBMJHT"));
        assertThat(UserCode.parse("wdjbmjht")).contains(new UserCode("WDJBMJHT"));
    }

    @Test
    void somethingElseIsNotACode() {
        assertThat(UserCode.parse(null)).isEmpty();
        assertThat(UserCode.parse("")).isEmpty();
        assertThat(UserCode.parse("WDJB-MJH")).isEmpty();
        assertThat(UserCode.parse("WDJB-MJHTX")).isEmpty();
        assertThat(UserCode.parse("WDJB-MJH1")).isEmpty();
        assertThat(UserCode.parse("WDJB-MJHA")).isEmpty();
        assertThat(UserCode.parse("WDJB_MJHT")).isEmpty();
        assertThatThrownBy(() -> new UserCode("wdjbmjht")).isInstanceOf(IllegalArgumentException.class);
    }
}
