package se.samverkansvaven.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import se.samverkansvaven.testing.GraphChecksum;

/** POST /api/imports. MockMvc is built by hand so this class shares the plain {@code @SpringBootTest} context. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportControllerTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    Driver driver;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).build();
    }

    @Test
    void aValidZipIsLoadedAnd201GivesTheCounts() throws Exception {
        mvc.perform(multipart("/api/imports").file(zip(TestBundle.valid().toZip("bundle"))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.counts['bodies.csv']").value(6))
                .andExpect(jsonPath("$.counts['parties.csv']").value(13))
                .andExpect(jsonPath("$.counts['goal_relations.csv']").value(1));
    }

    @Test
    void anUnknownMunicipalityGives422NamingFileLineAndColumnAndLoadsNothing() throws Exception {
        String before = GraphChecksum.of(driver);
        byte[] bad = TestBundle.valid().line("parties.csv", 4, "t-jc,9999,HOST,,2022-01-01,,illustrative").toZip(null);

        mvc.perform(multipart("/api/imports").file(zip(bad)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("The bundle was not loaded"))
                .andExpect(jsonPath("$.detail").isString())
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].file").value("parties.csv"))
                .andExpect(jsonPath("$.errors[0].line").value(4))
                .andExpect(jsonPath("$.errors[0].column").value("party"))
                .andExpect(jsonPath("$.errors[0].message").value("no municipality has code 9999"));
        assertThat(GraphChecksum.of(driver)).isEqualTo(before);
    }

    @Test
    void notAZipGives422WithAClearMessage() throws Exception {
        mvc.perform(multipart("/api/imports").file(zip("body_id,party\n".getBytes())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message")
                        .value("the uploaded file is not a zip file; send a zip file of the bundle's CSV files"));
    }

    @Test
    void anEmptyOrMissingUploadGives400() throws Exception {
        mvc.perform(multipart("/api/imports").file(zip(new byte[0])))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The uploaded file is empty; send a zip file of the bundle's CSV files."));
        mvc.perform(multipart("/api/imports").file(new MockMultipartFile("other", "x.zip", "application/zip", new byte[] {1})))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Send the bundle as a zip file in the multipart field 'file'."));
    }

    private static MockMultipartFile zip(byte[] content) {
        return new MockMultipartFile("file", "bundle.zip", "application/zip", content);
    }
}
