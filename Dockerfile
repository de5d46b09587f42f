# The bases: the public images by default; scripts/image passes ones made from Debian's packages instead (same roles:
# a JDK 17 with Maven, and a JRE 17 with useradd).
ARG BUILD_IMAGE=maven:3.9-eclipse-temurin-17
ARG RUN_IMAGE=eclipse-temurin:17-jre

# Build: the shaded jar, tests left to CI; and a Git repository of example-repo for the start-up training below.
FROM ${BUILD_IMAGE} AS build
WORKDIR /src
COPY pom.xml .
# Dependencies first, so a source change reuses this layer (annotation processors are fetched by the build).
RUN mvn -B -ntp -q dependency:go-offline
COPY schema schema
COPY src/main src/main
# Only the jar: the release tarball is made outside images.
RUN mvn -B -ntp -q package -DskipTests -Dassembly.skipAssembly=true
COPY example-repo /training
RUN command -v git >/dev/null || (apt-get update -qq && apt-get install -y -qq --no-install-recommends git) \
    && git -C /training init -q -b main && git -C /training add -A \
    && git -C /training -c user.name=plumbline -c user.email=cds@plumbline.invalid commit -qm training

# Run: a JRE, a non-root user, the jar, its launcher, and class-data sharing archives made in this very image
# (an archive serves only the jar and the JVM build it was made with).
FROM ${RUN_IMAGE}
# Its only writable places are the state and the Git cache (mount volumes there when the root is read-only) and /tmp.
RUN useradd --system --uid 10001 --home-dir /var/lib/plumbline --create-home plumbline \
    && install -d -o 10001 -g 10001 /var/lib/plumbline/state /var/lib/plumbline/cache
COPY --from=build /src/target/plumbline.jar /opt/plumbline/plumbline.jar
COPY bin/plumbline /opt/plumbline/bin/plumbline
COPY scripts/cds /opt/plumbline/scripts/cds
# Train on a real serve run (and on validate for the command line): scripts/cds builds /opt/plumbline/cds/*.jsa,
# talking to nothing but 127.0.0.1. It needs git only for its training repository, which it gets ready-made.
COPY --from=build /training /tmp/training
RUN PLUMBLINE_TRAINING_REPO=/tmp/training /opt/plumbline/scripts/cds && rm -rf /tmp/training
USER 10001
WORKDIR /var/lib/plumbline
ENV PLUMBLINE_GIT_CACHE_DIR=/var/lib/plumbline/cache \
    PLUMBLINE_STATE_DIR=/var/lib/plumbline/state \
    PLUMBLINE_JAVA_OPTS=-XX:MaxRAMPercentage=75
# The container's own address: outside it, the port mapping or the Service decides who reaches it; /api wants tokens.
ENV PLUMBLINE_HTTP_BIND=0.0.0.0
EXPOSE 8080
ENTRYPOINT ["/opt/plumbline/bin/plumbline"]
CMD ["serve"]
