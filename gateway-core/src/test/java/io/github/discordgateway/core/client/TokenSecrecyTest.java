package io.github.discordgateway.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.protocol.BotActivity;
import io.github.discordgateway.core.protocol.UpdatePresence;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class TokenSecrecyTest {

  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final Logger core = (Logger) LoggerFactory.getLogger("io.github.discordgateway");
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private Level previous;

  @BeforeEach
  void capture() {
    previous = core.getLevel();
    core.setLevel(Level.TRACE);
    appender.start();
    root.addAppender(appender);
  }

  @AfterEach
  void release() {
    root.detachAppender(appender);
    core.setLevel(previous);
  }

  @Test
  @DisplayName(
      "the token never appears in logs, toString() or error messages across identify, resume and close")
  void tokenNeverLeaks() {
    String token = ClientHarness.TOKEN;
    List<String> texts = new ArrayList<>();

    ClientHarness first =
        new ClientHarness(null, 0.0, io.github.discordgateway.core.codec.Compression.NONE);
    first.connect();
    first.client.send(UpdatePresence.of("online", BotActivity.playing("chess")));
    first.dispatch(2, "GUILD_CREATE", "{\"id\":\"1\"}");
    first.ack();
    first.scheduler.advance(Duration.ofMillis(41250));
    first.client.onText("{\"op\":7,\"d\":null}");
    texts.add(first.client.toString());
    texts.add(first.client.settings().toString());
    texts.add(first.client.settings().toIdentify().toString());
    texts.add(first.outcome().toString());

    ClientHarness second = new ClientHarness(first.outcome().snapshot());
    second.hello(41250);
    second.dispatch(3, "RESUMED", "{}");
    second.client.onText("{not json");
    second.client.onTransportError(new java.io.IOException("broken pipe"));
    texts.add(second.outcome().toString());

    ClientHarness third = new ClientHarness(second.outcome().snapshot());
    third.hello(41250);
    third.client.onText("{\"op\":9,\"d\":false}");
    ClientHarness fourth = new ClientHarness();
    fourth.connect();
    fourth.client.onClosed(4004, "Authentication failed.");
    fourth.client.logout();
    texts.add(fourth.outcome().toString());

    List<GatewayException> errors = new ArrayList<>();
    for (ClientHarness h : List.of(first, second, third, fourth)) {
      errors.addAll(h.listener.errors);
      h.listener.outcomes.stream()
          .map(CloseOutcome::error)
          .filter(e -> e != null)
          .forEach(errors::add);
    }
    for (GatewayException e : errors) {
      texts.add(e.toString());
      texts.add(String.valueOf(e.getMessage()));
    }

    // the token was really on the wire, so the check below can fail
    assertThat(first.sink.texts).anyMatch(t -> t.contains(token));
    assertThat(second.sink.texts).anyMatch(t -> t.contains(token));
    assertThat(appender.list).isNotEmpty();
    for (ILoggingEvent event : appender.list) {
      texts.add(event.getFormattedMessage());
      if (event.getThrowableProxy() != null) {
        texts.add(event.getThrowableProxy().getMessage());
      }
    }
    assertThat(texts).noneMatch(t -> t != null && t.contains(token));
    assertThat(texts).noneMatch(t -> t != null && t.contains("SECRET-token"));
  }
}
