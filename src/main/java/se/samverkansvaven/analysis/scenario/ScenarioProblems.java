package se.samverkansvaven.analysis.scenario;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Scenario refusals as problem bodies, wherever a scenario is read (the scenario API and every analysis). */
@RestControllerAdvice
class ScenarioProblems {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> rejected(ScenarioRejected e) {
        ProblemDetail problem = e.toProblem();
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> denied(ScenarioAccessDenied e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("Outside your scope");
        problem.setType(URI.create("about:blank"));
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
