package io.github.discordgateway.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.codec.RawJson;
import io.github.discordgateway.core.event.ShardDispatch;
import io.github.discordgateway.core.protocol.EventType;
import io.github.discordgateway.core.protocol.RequestGuildMembers;
import io.github.discordgateway.core.scheduling.ManualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class GuildMembersCollectorTest {

  static final long GUILD = 573544236423708672L;

  final ManualScheduler scheduler = new ManualScheduler();
  final GuildMembersCollector collector =
      new GuildMembersCollector(scheduler, Duration.ofSeconds(30));
  final List<RequestGuildMembers> sent = new ArrayList<>();
  long sequence;

  CompletableFuture<GuildMembers> request() {
    return collector.request(
        RequestGuildMembers.allMembers(GUILD),
        command -> {
          sent.add(command);
          return CompletableFuture.completedFuture(null);
        });
  }

  void chunk(String nonce, int index, int count, String... userIds) {
    StringBuilder members = new StringBuilder();
    for (String id : userIds) {
      if (members.length() > 0) {
        members.append(',');
      }
      members.append("{\"user\":{\"id\":\"").append(id).append("\",\"username\":\"u\"},");
      members.append("\"roles\":[],\"joined_at\":\"2024-01-01T00:00:00+00:00\"}");
    }
    String json =
        "{\"guild_id\":\""
            + GUILD
            + "\",\"members\":["
            + members
            + "],\"chunk_index\":"
            + index
            + ",\"chunk_count\":"
            + count
            + (nonce == null ? "" : ",\"nonce\":\"" + nonce + "\"")
            + "}";
    collector.onEvent(
        new ShardDispatch(
            0,
            ++sequence,
            "GUILD_MEMBERS_CHUNK",
            EventType.GUILD_MEMBERS_CHUNK,
            RawJson.of(json),
            0));
  }

  @Test
  void completesWithTheMembersOfEveryChunkAtTheLastChunk() {
    CompletableFuture<GuildMembers> result = request();
    String nonce = sent.get(0).nonce();
    assertThat(nonce).isNotBlank();
    chunk(nonce, 0, 3, "1", "2");
    chunk(nonce, 1, 3, "3");
    assertThat(result).isNotDone();
    chunk(nonce, 2, 3, "4");
    assertThat(result.join().members())
        .extracting(m -> m.user().id())
        .containsExactly(1L, 2L, 3L, 4L);
    assertThat(collector.pendingCount()).isZero();
  }

  @Test
  void chunksOfOtherRequestsAndWithoutNonceAreIgnored() {
    CompletableFuture<GuildMembers> first = request();
    CompletableFuture<GuildMembers> second = request();
    assertThat(sent.get(0).nonce()).isNotEqualTo(sent.get(1).nonce());
    chunk(null, 0, 1, "9");
    chunk("someone-else", 0, 1, "8");
    chunk(sent.get(1).nonce(), 0, 1, "7");
    assertThat(first).isNotDone();
    assertThat(second.join().members()).extracting(m -> m.user().id()).containsExactly(7L);
  }

  @Test
  void rateLimitedDispatchFailsTheRequestWithRetryAfter() {
    CompletableFuture<GuildMembers> result = request();
    String json =
        "{\"opcode\":8,\"retry_after\":27.5,\"meta\":{\"guild_id\":\""
            + GUILD
            + "\",\"nonce\":\""
            + sent.get(0).nonce()
            + "\"}}";
    collector.onEvent(
        new ShardDispatch(0, 1, "RATE_LIMITED", EventType.RATE_LIMITED, RawJson.of(json), 0));
    assertThat(result).isCompletedExceptionally();
    GuildMembersRequestException error =
        (GuildMembersRequestException) result.handle((ok, e) -> e).join();
    assertThat(error.kind()).isEqualTo(GuildMembersRequestException.Kind.RATE_LIMITED);
    assertThat(error.retryAfter()).contains(Duration.ofMillis(27_500));
  }

  @Test
  void timesOutWithoutTheLastChunk() {
    CompletableFuture<GuildMembers> result = request();
    chunk(sent.get(0).nonce(), 0, 2, "1");
    scheduler.advance(Duration.ofSeconds(29));
    assertThat(result).isNotDone();
    scheduler.advance(Duration.ofSeconds(2));
    Throwable error = result.handle((ok, e) -> e).join();
    assertThat(((GuildMembersRequestException) error).kind())
        .isEqualTo(GuildMembersRequestException.Kind.TIMED_OUT);
    assertThat(collector.pendingCount()).isZero();
  }

  @Test
  void aFailedSendFailsTheRequest() {
    GatewayException notConnected =
        new GatewayException(GatewayException.Kind.NOT_CONNECTED, "not connected");
    CompletableFuture<GuildMembers> result =
        collector.request(
            RequestGuildMembers.allMembers(GUILD),
            c -> CompletableFuture.failedFuture(notConnected));
    assertThat(result.handle((ok, e) -> e).join()).isSameAs(notConnected);
    assertThat(collector.pendingCount()).isZero();
  }

  @Test
  void closeCancelsPendingRequests() {
    CompletableFuture<GuildMembers> result = request();
    collector.close();
    Throwable error = result.handle((ok, e) -> e).join();
    assertThat(((GuildMembersRequestException) error).kind())
        .isEqualTo(GuildMembersRequestException.Kind.CANCELLED);
    assertThat(result).isCompletedExceptionally();
  }
}
