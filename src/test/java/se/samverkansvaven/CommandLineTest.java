package se.samverkansvaven;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void dottedSettingsGoToSpringAndVerbOptionsStayWithTheVerb() {
        assertThat(CommandLine.isSetting("--spring.neo4j.uri=bolt://db:7687")).isTrue();
        assertThat(CommandLine.isSetting("--samverkansvaven.data.illustrative=false")).isTrue();
        assertThat(CommandLine.isSetting("--as-of")).isFalse();
        assertThat(CommandLine.isSetting("--format=gexf")).isFalse();
        assertThat(CommandLine.isSetting("bundle.zip")).isFalse();
        assertThat(CommandLine.isSetting("--=x.y")).isFalse();
    }
}
