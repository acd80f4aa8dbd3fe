package se.samverkansvaven;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class SamverkansvavenApplication {
    public static void main(String[] args) {
        SpringApplication.run(SamverkansvavenApplication.class, args);
    }
}
