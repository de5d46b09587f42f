# Build: the shaded jar, tests left to CI.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
# Dependencies first, so a source change reuses this layer (annotation processors are fetched by the build).
RUN mvn -B -ntp -q dependency:go-offline
COPY schema schema
COPY src/main src/main
RUN mvn -B -ntp -q package -DskipTests

# Run: a JRE, a non-root user, the jar and nothing else.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /var/lib/plumbline --create-home plumbline
COPY --from=build /src/target/plumbline.jar /opt/plumbline/plumbline.jar
USER 10001
WORKDIR /var/lib/plumbline
ENV PLUMBLINE_GIT_CACHE_DIR=/var/lib/plumbline/cache
# The container's own address: outside it, the port mapping or the Service decides who reaches it; /api wants tokens.
ENV PLUMBLINE_HTTP_BIND=0.0.0.0
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/plumbline/plumbline.jar"]
CMD ["serve"]
