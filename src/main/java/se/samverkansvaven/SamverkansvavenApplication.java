package se.samverkansvaven;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SamverkansvavenApplication {
    public static void main(String[] args) {
        int exitCode = CommandLine.run(SamverkansvavenApplication.class, args);
        if (exitCode != Integer.MIN_VALUE) {
            System.exit(exitCode);
        }
    }
}
