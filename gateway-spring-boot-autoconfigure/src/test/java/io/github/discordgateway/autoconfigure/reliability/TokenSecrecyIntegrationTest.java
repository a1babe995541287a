package io.github.discordgateway.autoconfigure.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import io.github.discordgateway.autoconfigure.DiscordGatewayLifecycle;
import io.github.discordgateway.autoconfigure.command.DiscordGateway;
import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.client.GatewaySettings;
import io.github.discordgateway.core.client.SessionSnapshot;
import io.github.discordgateway.core.protocol.BotActivity;
import io.github.discordgateway.core.protocol.Opcode;
import io.github.discordgateway.core.protocol.PresenceStatus;
import io.github.discordgateway.core.protocol.Resume;
import io.github.discordgateway.core.protocol.UpdatePresence;
import io.github.discordgateway.core.ratelimit.IdentifyLimiter;
import io.github.discordgateway.core.ratelimit.LocalIdentifyLimiter;
import io.github.discordgateway.core.rest.internal.GatewayDiscovery;
import io.github.discordgateway.core.session.SessionStore;
import io.github.discordgateway.core.shard.ShardManager;
import io.github.discordgateway.core.shard.ShardStatus;
import io.github.discordgateway.test.ClientPayload;
import io.github.discordgateway.test.FakeDiscordGateway;
import io.github.discordgateway.test.FakeGuild;
import io.github.discordgateway.test.RecordedHttpRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Runs the integration scenarios (REST discovery, identify, resume, reconnects, a new session, a
 * fatal 4004, commands, health) of a web application with a recognisable token, and looks for it
 * everywhere it must not be: every log line at every level of the library (with stack traces),
 * every exception message, the actuator JSON over HTTP ({@code health}, {@code configprops}, {@code
 * env}, {@code discordgateway}) and the {@code toString()} of every bean and configuration object.
 * It also checks where the token does go: only Identify and Resume payloads on the gateway
 * connection, and only the Authorization header of {@code GET /gateway/bot}.
 */
@SpringBootTest(
    classes = TokenSecrecyIntegrationTest.Bot.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "server.address=127.0.0.1",
      "discord.gateway.shards.total=auto",
      "discord.gateway.intents=GUILDS,GUILD_MEMBERS,GUILD_MESSAGES",
      "discord.gateway.reconnect.initial-backoff=20ms",
      "discord.gateway.reconnect.max-backoff=200ms",
      "management.endpoints.web.exposure.include=health,configprops,env,discordgateway",
      "management.endpoint.health.show-details=always",
      "management.endpoint.health.show-components=always",
      "management.endpoint.env.show-values=always",
      "management.endpoint.configprops.show-values=always",
      "logging.level.io.github.discordgateway=TRACE",
      "logging.level.org.springframework.web.socket=DEBUG",
      "logging.level.org.apache.tomcat.websocket=DEBUG"
    })
class TokenSecrecyIntegrationTest {

  /** Recognisable, and unique per run so that nothing else can contain it by chance. */
  static final String SECRET = UUID.randomUUID().toString().replace("-", "");

  static final String TOKEN = "SECRET-TOKEN-canary-" + SECRET;

  static final Duration WAIT = Duration.ofSeconds(20);

  static final List<FakeGuild> GUILDS = Reliability.guildPerShard(2);

  static final FakeDiscordGateway GATEWAY =
      FakeDiscordGateway.builder()
          .token(TOKEN)
          .heartbeatInterval(Duration.ofMillis(500))
          .shards(2)
          .maxConcurrency(2)
          .identifyWindow(Duration.ofMillis(200))
          .guilds(GUILDS)
          .start();

  static final Capture LOGS = new Capture();

  static {
    // shard 1 is refused with 4004 (a fatal close); shard 0 runs every other scenario
    GATEWAY.failIdentify(1, 4004, "Authentication failed.");
  }

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) {
    // no discord.gateway.url: the shard count and URL come from GET /gateway/bot
    registry.add("discord.gateway.api-url", GATEWAY::apiBaseUrl);
    registry.add("discord.gateway.token", () -> TOKEN);
  }

  @AfterAll
  static void stopGateway() {
    LOGS.stop();
    GATEWAY.close();
  }

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class Bot {

    /** Attaches the capture once Spring Boot has configured logging, before the gateway starts. */
    @Bean
    static BeanFactoryPostProcessor captureLogs() {
      return beanFactory -> LOGS.attach();
    }

    @Bean
    IdentifyLimiter identifyLimiter() {
      return Reliability.limiter(Duration.ofMillis(200).plus(LocalIdentifyLimiter.SAFETY_MARGIN));
    }
  }

  /** Keeps every log event of every logger, formatted, with its stack trace. */
  static final class Capture extends AppenderBase<ILoggingEvent> {
    final List<String> lines = new CopyOnWriteArrayList<>();

    void attach() {
      Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
      setContext(root.getLoggerContext());
      setName("token-secrecy-capture");
      start();
      root.addAppender(this);
    }

    @Override
    protected void append(ILoggingEvent event) {
      StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ');
      line.append(event.getFormattedMessage());
      if (event.getThrowableProxy() != null) {
        line.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
      }
      lines.add(line.toString());
    }
  }

  @Autowired ConfigurableApplicationContext context;
  @Autowired ShardManager manager;
  @Autowired DiscordGateway discord;
  @Autowired DiscordGatewayLifecycle lifecycle;
  @Autowired SessionStore sessions;
  @Autowired GatewaySettings settings;
  @LocalServerPort int port;

  @Test
  void tokenAppearsNowhereButInIdentifyResumeAndTheAuthorizationHeader() throws Exception {
    List<String> exposed = new ArrayList<>();

    // identify (shard 0) and a fatal 4004 (shard 1)
    Throwable startFailure = catchThrowable(() -> lifecycle.ready().get(20, TimeUnit.SECONDS));
    exposed.add(String.valueOf(startFailure));
    exposed.add(messages(startFailure));
    await().atMost(WAIT).until(() -> status(0) == ShardStatus.CONNECTED);
    await().atMost(WAIT).until(() -> status(1) == ShardStatus.FATAL);
    GatewayException fatal = manager.shard(1).orElseThrow().fatalError();
    assertThat(fatal.kind()).isEqualTo(GatewayException.Kind.AUTHENTICATION_FAILED);
    exposed.add(messages(fatal));

    // resume after op 7, after a dropped connection and after a zombie connection
    GATEWAY.sendReconnect(0);
    await().atMost(WAIT).until(() -> GATEWAY.recorder().resumeCount(0) == 1);
    await().atMost(WAIT).until(() -> status(0) == ShardStatus.CONNECTED);
    GATEWAY.dropConnection(0);
    await().atMost(WAIT).until(() -> GATEWAY.recorder().resumeCount(0) == 2);
    await().atMost(WAIT).until(() -> status(0) == ShardStatus.CONNECTED);
    GATEWAY.stopAckingHeartbeats(0);
    await().atMost(WAIT).until(() -> GATEWAY.recorder().resumeCount(0) >= 3);
    GATEWAY.resumeAckingHeartbeats(0);
    await().atMost(WAIT).until(() -> status(0) == ShardStatus.CONNECTED);
    // a session the server lost: op 9, then a new identify
    GATEWAY.forgetSession(0);
    GATEWAY.dropConnection(0);
    await().atMost(WAIT).until(() -> GATEWAY.recorder().identifyCount(0) == 2);
    await().atMost(WAIT).until(() -> status(0) == ShardStatus.CONNECTED);

    // commands, and commands that fail
    long guild = Long.parseUnsignedLong(GUILDS.get(0).id());
    discord
        .updatePresence(
            0,
            new UpdatePresence(
                null, List.of(BotActivity.playing("with secrets")), PresenceStatus.IDLE, false))
        .get(10, TimeUnit.SECONDS);
    // a broadcast reaches the fatal shard too, and fails there
    exposed.add(
        messages(
            catchThrowable(
                () ->
                    discord
                        .updatePresence(PresenceStatus.ONLINE, BotActivity.playing("everywhere"))
                        .get(10, TimeUnit.SECONDS))));
    assertThat(discord.requestGuildMembers(guild, "", 0, false).get(10, TimeUnit.SECONDS))
        .isNotEmpty();
    exposed.add(messages(catchThrowable(() -> UpdatePresence.of("busy"))));
    exposed.add(
        messages(
            catchThrowable(
                () ->
                    discord
                        .updatePresence(
                            PresenceStatus.ONLINE, BotActivity.custom("x".repeat(5_000)))
                        .get(5, TimeUnit.SECONDS))));
    exposed.add(
        messages(
            catchThrowable(
                () ->
                    discord
                        .updateVoiceState(
                            Long.parseUnsignedLong(GUILDS.get(1).id()), 1L, false, false)
                        .get(5, TimeUnit.SECONDS))));
    exposed.add(
        messages(
            catchThrowable(
                () ->
                    new GatewayDiscovery(URI.create(GATEWAY.apiBaseUrl()), Duration.ofSeconds(5))
                        .gatewayBot(TOKEN + "-revoked"))));

    // health and the actuator endpoints, over HTTP
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    for (String path :
        List.of(
            "/actuator/health",
            "/actuator/health/discordGateway",
            "/actuator/health/discordGateway/shard-1",
            "/actuator/configprops",
            "/actuator/configprops/discord.gateway",
            "/actuator/env",
            "/actuator/env/discord.gateway.token",
            "/actuator/discordgateway")) {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(path).isIn(200, 503);
      assertThat(response.body()).as(path).isNotBlank();
      exposed.add(path + " " + response.body());
    }
    // the endpoints did render the configuration (so the check above can fail)
    assertThat(String.join("\n", exposed))
        .contains("discord.gateway")
        .contains("AUTHENTICATION_FAILED")
        .contains(GATEWAY.apiBaseUrl());

    // toString() of every bean and of the configuration objects
    for (String name : context.getBeanDefinitionNames()) {
      Object bean = context.getBeanFactory().getSingleton(name);
      if (bean != null) {
        exposed.add(name + " = " + safeToString(bean));
      }
    }
    exposed.add(settings.toString());
    exposed.add(settings.toIdentify().toString());
    exposed.add(new Resume(TOKEN, "session", 1).toString());
    exposed.add(GATEWAY.config().toString());
    exposed.add(GATEWAY.toString());
    exposed.add(manager.states().toString());
    exposed.add(String.valueOf(sessions.load(0, 2).map(SessionSnapshot::toString)));
    for (ClientPayload payload : GATEWAY.recorder().payloads()) {
      exposed.add(payload.toString());
    }

    // the token appears nowhere, not even its random part
    assertThat(LOGS.lines).as("log lines").isNotEmpty();
    assertThat(LOGS.lines).as("the library logged at TRACE").anyMatch(l -> l.contains("heartbeat"));
    assertThat(LOGS.lines).noneMatch(l -> l.contains(SECRET));
    assertThat(exposed).noneMatch(text -> text.contains(SECRET));

    // the token went only into Identify and Resume, on gateway connections...
    List<ClientPayload> carrying =
        GATEWAY.recorder().payloads().stream().filter(p -> p.raw().contains(TOKEN)).toList();
    assertThat(carrying)
        .extracting(ClientPayload::op)
        .containsOnly(Opcode.IDENTIFY.code(), Opcode.RESUME.code());
    assertThat(GATEWAY.recorder().payloads(Opcode.IDENTIFY))
        .hasSize(3)
        .allMatch(p -> p.raw().contains(TOKEN));
    assertThat(GATEWAY.recorder().payloads(Opcode.RESUME))
        .isNotEmpty()
        .allMatch(p -> p.raw().contains(TOKEN));
    // ...and REST sent it only in the Authorization header of GET /gateway/bot
    assertThat(GATEWAY.recorder().requestsWithTokenOutsideAuthorization()).isEmpty();
    assertThat(GATEWAY.recorder().httpRequests())
        .filteredOn(RecordedHttpRequest::authorized)
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.path()).isEqualTo("/api/v10/gateway/bot"));
  }

  private ShardStatus status(int shard) {
    return manager.shard(shard).orElseThrow().status();
  }

  /** Every message and toString() in the cause chain, suppressed ones included. */
  private static String messages(Throwable error) {
    StringBuilder text = new StringBuilder();
    Throwable current = error;
    for (int depth = 0; current != null && depth < 20; depth++) {
      text.append(current).append('\n');
      for (Throwable suppressed : current.getSuppressed()) {
        text.append(suppressed).append('\n');
      }
      current = current.getCause() == current ? null : current.getCause();
    }
    return text.toString();
  }

  private static String safeToString(Object bean) {
    try {
      return String.valueOf(bean);
    } catch (RuntimeException e) {
      return bean.getClass().getName() + " (toString failed: " + e + ")";
    }
  }
}
