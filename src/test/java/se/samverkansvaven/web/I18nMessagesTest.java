package se.samverkansvaven.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The two message files of the pages: the same keys, no empty message, the same placeholders in both. */
class I18nMessagesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    static Map<String, String> messages(String lang) throws IOException {
        try (InputStream in = I18nMessagesTest.class.getResourceAsStream("/static/i18n/" + lang + ".json")) {
            return JsonMapper.builder().build().readValue(in, new TypeReference<TreeMap<String, String>>() {});
        }
    }

    static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        PLACEHOLDER.matcher(text).results().forEach(m -> names.add(m.group(1)));
        return names;
    }

    @Test
    void swedishAndEnglishHaveTheSameKeysAndPlaceholders() throws IOException {
        Map<String, String> sv = messages("sv");
        Map<String, String> en = messages("en");
        assertThat(sv.keySet()).isEqualTo(en.keySet());
        sv.forEach((key, text) -> {
            assertThat(text).as("sv " + key).isNotBlank();
            assertThat(en.get(key)).as("en " + key).isNotBlank();
            assertThat(placeholders(en.get(key))).as("placeholders of " + key).isEqualTo(placeholders(text));
        });
    }

    @Test
    void noMessageSpeaksOfSeedsOrFiles() throws IOException {
        for (String lang : new String[] {"sv", "en"}) {
            messages(lang).forEach((key, text) -> assertThat(text).as(lang + " " + key)
                    .doesNotContainIgnoringCase("seed").doesNotContain(".csv"));
        }
    }
}
