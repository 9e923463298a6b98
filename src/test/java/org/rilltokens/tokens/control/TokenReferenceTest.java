package org.rilltokens.tokens.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class TokenReferenceTest {

    private final PlainToken token = PlainToken.generate();
    private final String publicId = PlainToken.publicId(token.id());

    @Test
    void uuidNamesTheToken() {
        assertThat(TokenReference.parse(token.id().toString())).contains(new TokenReference.ById(token.id()));
    }

    @Test
    void fullTokenNamesItsIdButOnlyWhenTheChecksumHolds() {
        assertThat(TokenReference.parse(token.text())).contains(new TokenReference.ById(token.id()));
        String tampered = token.text().substring(0, 69) + (token.text().endsWith("0") ? "1" : "0");
        assertThat(TokenReference.parse(tampered)).isEmpty();
    }

    @Test
    void displayIdAndLongerPrefixesNameTheTokenIdPrefix() {
        assertThat(TokenReference.parse("rill_usr_" + publicId.substring(0, 10)))
                .contains(new TokenReference.ByPrefix(publicId.substring(0, 10)));
        assertThat(TokenReference.parse(token.text().substring(0, 40))).contains(new TokenReference.ByPrefix(publicId));
    }

    @Test
    void shortOrForeignPrefixesAreNotReferences() {
        assertThat(TokenReference.parse("rill_usr_" + publicId.substring(0, 9))).isEmpty();
        assertThat(TokenReference.parse("rill_usr_abc-defghijk")).isEmpty();
        assertThat(TokenReference.parse(publicId)).isEmpty();
        assertThat(TokenReference.parse(UUID.randomUUID() + "x")).isEmpty();
        assertThat(TokenReference.parse(null)).isEmpty();
    }

    @Test
    void currentNamesTheRequestsToken() {
        assertThat(TokenReference.parse("current")).contains(new TokenReference.Current());
    }
}
