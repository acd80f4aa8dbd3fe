# The app, built from source, for docker-compose.yml (which runs it against a Neo4j server).
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp -q dependency:go-offline
COPY cypher cypher
COPY src src
RUN ./mvnw -B -ntp -q -DskipTests package

FROM eclipse-temurin:25-jre
WORKDIR /app
COPY --from=build /src/target/samverkansvaven.jar app.jar
EXPOSE 8080
ENTRYPOINT ["java", "--add-opens=java.base/java.nio=ALL-UNNAMED", "-jar", "/app/app.jar"]
