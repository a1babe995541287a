package io.github.discordgateway.core.ratelimit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.protocol.Opcode;
import io.github.discordgateway.core.scheduling.ManualScheduler;
import io.github.discordgateway.core.transport.FrameSink;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OutboundQueueTest {

  private record Sent(String payload, Instant at) {}

  private final ManualScheduler scheduler = new ManualScheduler();
  private final List<Sent> sent = new ArrayList<>();
  private final List<Duration> waits = new ArrayList<>();
  private final FrameSink sink =
      new FrameSink() {
        @Override
        public void sendText(String payload) {
          sent.add(new Sent(payload, scheduler.now()));
        }

        @Override
        public void close(int code, String reason) {}
      };
  private final OutboundQueue queue =
      new OutboundQueue(
          sink,
          new CommandRateLimiter(scheduler.instantSource()),
          scheduler,
          scheduler.instantSource(),
          (op, waited) -> waits.add(waited),
          OutboundQueue.DEFAULT_MAX_PENDING);

  @Test
  @DisplayName("15.18 send rate limiter: never more than 120 in any 60 s, heartbeats never delayed")
  void neverExceedsLimitAndHeartbeatsGoFirst() {
    queue.helloReceived();
    queue.sessionReady();
    List<CompletableFuture<Void>> futures = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      futures.add(queue.enqueue(Opcode.PRESENCE_UPDATE, "cmd" + i));
    }
    List<Instant> heartbeatRequests = new ArrayList<>();
    for (int step = 0; step < 8; step++) { // 8 heartbeats, 41.25 s apart: 330 s in total
      scheduler.advance(Duration.ofMillis(41250));
      heartbeatRequests.add(scheduler.now());
      queue.sendPriority(Opcode.HEARTBEAT, "hb" + step);
    }
    scheduler.advance(Duration.ofMinutes(5));

    assertThat(futures).allMatch(CompletableFuture::isDone);
    assertThat(sent).hasSize(408);
    // heartbeats went out the moment they were asked for
    List<Instant> heartbeatSends =
        sent.stream().filter(s -> s.payload().startsWith("hb")).map(Sent::at).toList();
    assertThat(heartbeatSends).isEqualTo(heartbeatRequests);
    // sliding window check over every send
    for (int i = 0; i < sent.size(); i++) {
      Instant start = sent.get(i).at();
      long inWindow =
          sent.stream()
              .filter(s -> !s.at().isBefore(start) && s.at().isBefore(start.plusSeconds(60)))
              .count();
      assertThat(inWindow).as("sends in the 60 s from %s", start).isLessThanOrEqualTo(120);
    }
    // commands kept their order
    List<String> commands =
        sent.stream().map(Sent::payload).filter(p -> p.startsWith("cmd")).toList();
    assertThat(commands.get(0)).isEqualTo("cmd0");
    assertThat(commands.get(399)).isEqualTo("cmd399");
    assertThat(waits).anyMatch(w -> w.compareTo(Duration.ofSeconds(60)) >= 0);
  }

  @Test
  @DisplayName("15.2 nothing is sent before Hello; commands wait for the session to be ready")
  void gates() {
    CompletableFuture<Void> command = queue.enqueue(Opcode.PRESENCE_UPDATE, "cmd");
    queue.sendPriority(Opcode.IDENTIFY, "identify");
    assertThat(sent).isEmpty();
    queue.helloReceived();
    assertThat(sent).extracting(Sent::payload).containsExactly("identify");
    assertThat(command).isNotDone();
    scheduler.advance(Duration.ofSeconds(2));
    queue.sessionReady();
    assertThat(sent).extracting(Sent::payload).containsExactly("identify", "cmd");
    assertThat(command).isCompleted();
    assertThat(waits).containsExactly(Duration.ZERO, Duration.ofSeconds(2));
  }

  @Test
  @DisplayName("closing fails waiting commands with NOT_CONNECTED and sends nothing more")
  void closeFailsPending() {
    queue.helloReceived();
    CompletableFuture<Void> command = queue.enqueue(Opcode.PRESENCE_UPDATE, "cmd");
    queue.close();
    queue.sessionReady();
    queue.sendPriority(Opcode.HEARTBEAT, "hb");
    assertThat(sent).isEmpty();
    assertThat(command)
        .failsWithin(Duration.ZERO)
        .withThrowableThat()
        .havingCause()
        .isInstanceOf(GatewayException.class);
    assertThat(queue.enqueue(Opcode.PRESENCE_UPDATE, "late")).isCompletedExceptionally();
  }

  @Test
  @DisplayName("a full queue refuses further commands instead of growing without bound")
  void boundedQueue() {
    OutboundQueue small =
        new OutboundQueue(
            sink,
            new CommandRateLimiter(scheduler.instantSource()),
            scheduler,
            scheduler.instantSource(),
            null,
            2);
    small.enqueue(Opcode.PRESENCE_UPDATE, "1");
    small.enqueue(Opcode.PRESENCE_UPDATE, "2");
    assertThat(small.enqueue(Opcode.PRESENCE_UPDATE, "3"))
        .failsWithin(Duration.ZERO)
        .withThrowableThat()
        .havingCause()
        .isInstanceOf(GatewayException.class)
        .withMessageContaining("full");
  }
}
