package org.rilltokens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ColumnTextTest {

    @Test
    void wideCharactersTakeTwoColumnsAndCombiningMarksNone() {
        assertThat(ColumnText.width("Laptop")).isEqualTo(6);
        assertThat(ColumnText.width("開発トークン")).isEqualTo(12);
        assertThat(ColumnText.width("토큰")).isEqualTo(4);
        assertThat(ColumnText.width("Cafe\u0301")).isEqualTo(4);
        assertThat(ColumnText.width("deploy 🚀")).isEqualTo(9);
        assertThat(ColumnText.width("ＡＢ")).isEqualTo(4);
    }

    @Test
    void truncationCountsColumnsAndNeverSplitsAWideCharacter() {
        assertThat(ColumnText.truncate("short", 10)).isEqualTo("short");
        assertThat(ColumnText.truncate("exactly10!", 10)).isEqualTo("exactly10!");
        assertThat(ColumnText.truncate("eleven chars", 10)).isEqualTo("eleven ch…");
        assertThat(ColumnText.truncate("日本語のトークン", 6)).isEqualTo("日本…");
        assertThat(ColumnText.width(ColumnText.truncate("日本語のトークン", 6))).isEqualTo(5);
    }

    @Test
    void controlAndDirectionCharactersNeverReachTheTerminal() {
        assertThat(ColumnText.printable("red\u001B[31m alert")).isEqualTo("red?[31m alert");
        assertThat(ColumnText.printable("line\nbreak\ttab")).isEqualTo("line?break?tab");
        assertThat(ColumnText.printable("invoice\u202Efdp.exe")).isEqualTo("invoice?fdp.exe");
        assertThat(ColumnText.printable("Ünïcödé 開発 👩\u200D💻")).isEqualTo("Ünïcödé 開発 👩\u200D💻");
    }

    @Test
    void paddingFillsUpToTheColumnsShown() {
        assertThat(ColumnText.pad("開発", 6)).isEqualTo("開発  ");
        assertThat(ColumnText.pad("toolong", 3)).isEqualTo("toolong");
    }
}
