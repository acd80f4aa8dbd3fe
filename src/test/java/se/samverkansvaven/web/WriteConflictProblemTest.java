package se.samverkansvaven.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.TransientException;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A write that still meets a deadlock after the driver's retries is a 409 problem to send again; another
 * transient database failure a 503 with Retry-After; never a 500 (no Spring context: the advice alone).
 */
class WriteConflictProblemTest {

    @RestController
    static class Failing {
        @PostMapping("/fail")
        void fail(@RequestParam String code) {
            throw new TransientException(code, "simulated");
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing())
            .setControllerAdvice(new ApiExceptionHandler()).build();

    @Test
    void aDeadlockAfterRetriesIs409() throws Exception {
        mvc.perform(post("/fail").param("code", "Neo.TransientError.Transaction.DeadlockDetected"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Concurrent change"))
                .andExpect(header().string("Retry-After", "1"));
        mvc.perform(post("/fail").param("code", "Neo.TransientError.Transaction.LockAcquisitionTimeout"))
                .andExpect(status().isConflict());
    }

    @Test
    void anotherTransientFailureIs503() throws Exception {
        mvc.perform(post("/fail").param("code", "Neo.TransientError.General.MemoryPoolOutOfMemoryError"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("Retry-After", "1"));
    }
}
