package io.github.discordgateway.test.thirdparty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.discordgateway.core.protocol.Opcode;
import io.github.discordgateway.test.FakeDiscordGateway;
import io.github.discordgateway.test.FakeEvents;
import io.github.discordgateway.test.FakeGatewayConfig;
import io.github.discordgateway.test.FakeGuild;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.GatewayEncoding;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.session.SessionResumeEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A real third-party client, JDA, pointed at the kit unmodified (only its REST base URL and gateway
 * URL configured, as a user would): it logs in over the kit's REST API, identifies, receives READY
 * and the guild, receives messages, and resumes after op 7.
 */
class JdaAgainstTheKitTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private FakeDiscordGateway gateway;
  private JDA jda;
  private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
  private final BlockingQueue<SessionResumeEvent> resumes = new LinkedBlockingQueue<>();

  @BeforeEach
  void start() {
    gateway = FakeDiscordGateway.builder().heartbeatInterval(Duration.ofSeconds(5)).start();
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (jda != null) {
      jda.shutdownNow();
      jda.awaitShutdown(Duration.ofSeconds(10));
    }
    gateway.close();
  }

  private JDA connect(Compression compression, GatewayEncoding encoding) {
    return JDABuilder.createLight(
            gateway.token(),
            EnumSet.of(GatewayIntent.GUILD_MESSAGES, GatewayIntent.MESSAGE_CONTENT))
        .setRestConfig(new RestConfig().setBaseUrl(gateway.apiBaseUrl() + "/"))
        .setSessionController(
            new ConcurrentSessionController() {
              @Override
              public String getGateway() {
                return gateway.gatewayUrl();
              }
            })
        .setCompression(compression)
        .setGatewayEncoding(encoding)
        .addEventListeners(
            new ListenerAdapter() {
              @Override
              public void onMessageReceived(MessageReceivedEvent event) {
                messages.add(event.getMessage().getContentRaw());
              }

              @Override
              public void onSessionResume(SessionResumeEvent event) {
                resumes.add(event);
              }
            })
        .build();
  }

  @ParameterizedTest
  @CsvSource({"NONE, JSON", "ZLIB, JSON", "NONE, ETF", "ZLIB, ETF"})
  void jdaGetsReadyReceivesMessagesAndResumesAfterOp7(
      Compression compression, GatewayEncoding encoding) throws InterruptedException {
    jda = connect(compression, encoding);
    await().atMost(TIMEOUT).until(() -> jda.getStatus() == JDA.Status.CONNECTED);
    FakeGuild guild = FakeGatewayConfig.DEFAULT_GUILD;
    assertThat(jda.getSelfUser().getId()).isEqualTo(FakeGatewayConfig.DEFAULT_BOT.id());
    assertThat(jda.getGuildById(guild.id())).isNotNull();
    assertThat(gateway.recorder().identifyCount(0)).isEqualTo(1);
    assertThat(gateway.recorder().connections().get(0).etf())
        .isEqualTo(encoding == GatewayEncoding.ETF);

    gateway.dispatch(FakeEvents.messageCreate(guild, guild.members().get(0), "ping"));
    assertThat(messages.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("ping");

    gateway.sendReconnect(0);
    gateway.takeCommand(Opcode.RESUME, TIMEOUT);
    assertThat(resumes.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isNotNull();
    assertThat(gateway.recorder().resumeCount(0)).isEqualTo(1);
    assertThat(gateway.recorder().identifyCount(0)).isEqualTo(1);
    assertThat(gateway.recorder().connections().get(0).etf())
        .isEqualTo(encoding == GatewayEncoding.ETF);

    gateway.dispatch(FakeEvents.messageCreate(guild, guild.members().get(1), "after resume"));
    assertThat(messages.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("after resume");
    await().atMost(TIMEOUT).until(() -> jda.getStatus() == JDA.Status.CONNECTED);
  }
}
