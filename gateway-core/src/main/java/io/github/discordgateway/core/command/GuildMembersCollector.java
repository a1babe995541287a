package io.github.discordgateway.core.command;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.event.GatewayEventListener;
import io.github.discordgateway.core.event.ShardDispatch;
import io.github.discordgateway.core.event.ShardEvent;
import io.github.discordgateway.core.model.Member;
import io.github.discordgateway.core.model.Presence;
import io.github.discordgateway.core.model.event.GuildMembersChunk;
import io.github.discordgateway.core.model.event.RateLimited;
import io.github.discordgateway.core.protocol.EventType;
import io.github.discordgateway.core.protocol.Opcode;
import io.github.discordgateway.core.protocol.RequestGuildMembers;
import io.github.discordgateway.core.scheduling.Cancellable;
import io.github.discordgateway.core.scheduling.GatewayScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ties the replies to op 8 Request Guild Members to the requests: each request gets a unique nonce,
 * and the GUILD_MEMBERS_CHUNK dispatches carrying it are gathered until every chunk arrived ({@code
 * chunk_count} of them; the last has {@code chunk_index == chunk_count - 1}). A RATE_LIMITED
 * dispatch with the nonce fails the request with its {@code retry_after}; a request without its
 * last chunk after the timeout fails as {@link GuildMembersRequestException.Kind#TIMED_OUT}.
 *
 * <p>Register it as a listener of the shards (it must see their dispatches). While no request is
 * pending it ignores every event without decoding anything.
 *
 * <pre>{@code
 * GuildMembersCollector members = new GuildMembersCollector(scheduler, Duration.ofSeconds(30));
 * ShardManager manager = ShardManager.builder(settings, transport).listener(members).build();
 * members.request(RequestGuildMembers.byQuery(guildId, "ab", 10), c -> manager.send(guildId, c))
 *     .thenAccept(result -> result.members().forEach(System.out::println));
 * }</pre>
 */
public final class GuildMembersCollector implements GatewayEventListener, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(GuildMembersCollector.class);

  private final GatewayScheduler scheduler;
  private final Duration timeout;
  private final String prefix;
  private final AtomicLong counter = new AtomicLong();
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();

  /**
   * Creates a collector.
   *
   * @param scheduler runs the timeouts
   * @param timeout how long a request waits for its last chunk
   */
  public GuildMembersCollector(GatewayScheduler scheduler, Duration timeout) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, but was " + timeout);
    }
    // a per-instance prefix keeps our nonces apart from ones an application sets itself
    this.prefix = "gm" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36);
  }

  /**
   * Sends {@code command} with a fresh nonce and collects its chunks.
   *
   * @param command the request (its nonce, if any, is replaced)
   * @param sender sends the command on the guild's shard, for example {@code c ->
   *     manager.send(guildId, c)}
   * @return completes with every member of every chunk; fails with {@link
   *     GuildMembersRequestException} (rate limited, timed out, cancelled) or with the sender's
   *     error ({@link GatewayException})
   */
  public CompletableFuture<GuildMembers> request(
      RequestGuildMembers command,
      Function<? super RequestGuildMembers, ? extends CompletableFuture<?>> sender) {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(sender, "sender");
    String nonce = prefix + "-" + Long.toString(counter.incrementAndGet(), 36);
    Pending request = new Pending(command.guildId(), nonce);
    pending.put(nonce, request);
    request.timer =
        scheduler.schedule(
            () ->
                fail(
                    nonce,
                    new GuildMembersRequestException(
                        GuildMembersRequestException.Kind.TIMED_OUT,
                        command.guildId(),
                        nonce,
                        null,
                        "No complete answer to Request Guild Members for guild "
                            + Long.toUnsignedString(command.guildId())
                            + " within "
                            + timeout)),
            timeout);
    // registered before sending: the first chunk can arrive before the send future completes
    CompletableFuture<?> sent;
    try {
      sent = sender.apply(command.withNonce(nonce));
    } catch (RuntimeException ex) {
      fail(nonce, ex);
      return request.result;
    }
    if (sent == null) {
      fail(
          nonce,
          new GatewayException(
              GatewayException.Kind.NOT_CONNECTED,
              "The sender returned no future",
              -1,
              Opcode.REQUEST_GUILD_MEMBERS,
              null));
      return request.result;
    }
    sent.whenComplete(
        (ok, error) -> {
          if (error != null) {
            fail(nonce, unwrap(error));
          }
        });
    return request.result;
  }

  /** Returns the number of requests waiting for chunks. */
  public int pendingCount() {
    return pending.size();
  }

  @Override
  public void onEvent(ShardEvent event) {
    if (pending.isEmpty() || !(event instanceof ShardDispatch dispatch)) {
      return;
    }
    EventType type = dispatch.eventType();
    if (type == EventType.GUILD_MEMBERS_CHUNK && dispatch.data() != null) {
      onChunk(dispatch);
    } else if (type == EventType.RATE_LIMITED && dispatch.data() != null) {
      onRateLimited(dispatch);
    }
  }

  private void onChunk(ShardDispatch dispatch) {
    GuildMembersChunk chunk;
    try {
      chunk = dispatch.data().decode(GuildMembersChunk.class);
    } catch (GatewayException ex) {
      log.debug("Ignoring an undecodable GUILD_MEMBERS_CHUNK: {}", ex.getMessage());
      return;
    }
    if (chunk.nonce() == null) {
      return;
    }
    Pending request = pending.get(chunk.nonce());
    if (request == null) {
      return;
    }
    GuildMembers complete = request.add(chunk);
    if (complete != null && pending.remove(chunk.nonce(), request)) {
      request.timer.cancel();
      request.result.complete(complete);
    }
  }

  private void onRateLimited(ShardDispatch dispatch) {
    RateLimited limited;
    try {
      limited = dispatch.data().decode(RateLimited.class);
    } catch (GatewayException ex) {
      log.debug("Ignoring an undecodable RATE_LIMITED: {}", ex.getMessage());
      return;
    }
    if (limited.opcode() != Opcode.REQUEST_GUILD_MEMBERS.code()) {
      return;
    }
    limited
        .nonce()
        .ifPresent(
            nonce -> {
              Pending request = pending.get(nonce);
              if (request != null) {
                Duration retryAfter = limited.retryAfterDuration();
                fail(
                    nonce,
                    new GuildMembersRequestException(
                        GuildMembersRequestException.Kind.RATE_LIMITED,
                        request.guildId,
                        nonce,
                        retryAfter,
                        "Request Guild Members for guild "
                            + Long.toUnsignedString(request.guildId)
                            + " was rate limited; retry after "
                            + retryAfter));
              }
            });
  }

  private void fail(String nonce, Throwable error) {
    Pending request = pending.remove(nonce);
    if (request != null) {
      if (request.timer != null) {
        request.timer.cancel();
      }
      request.result.completeExceptionally(error);
    }
  }

  private static Throwable unwrap(Throwable error) {
    Throwable current = error;
    while ((current instanceof java.util.concurrent.CompletionException
            || current instanceof java.util.concurrent.ExecutionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  /** Fails every pending request as {@link GuildMembersRequestException.Kind#CANCELLED}. */
  @Override
  public void close() {
    for (String nonce : List.copyOf(pending.keySet())) {
      Pending request = pending.get(nonce);
      if (request != null) {
        fail(
            nonce,
            new GuildMembersRequestException(
                GuildMembersRequestException.Kind.CANCELLED,
                request.guildId,
                nonce,
                null,
                "The request was cancelled because the gateway is shutting down"));
      }
    }
  }

  @Override
  public String toString() {
    return "GuildMembersCollector[pending=" + pending.size() + ", timeout=" + timeout + "]";
  }

  private static final class Pending {
    final long guildId;
    final String nonce;
    final CompletableFuture<GuildMembers> result = new CompletableFuture<>();
    volatile Cancellable timer;
    // guarded by this; chunks of one request come from one shard, in order, but be safe
    private final List<Member> members = new ArrayList<>();
    private final List<Presence> presences = new ArrayList<>();
    private final List<Long> notFound = new ArrayList<>();
    private final BitSet seen = new BitSet();

    Pending(long guildId, String nonce) {
      this.guildId = guildId;
      this.nonce = nonce;
    }

    /** Adds a chunk; returns the result once every chunk arrived, else {@code null}. */
    synchronized GuildMembers add(GuildMembersChunk chunk) {
      int index = chunk.chunkIndex();
      if (index < 0 || seen.get(index)) {
        return null;
      }
      seen.set(index);
      members.addAll(chunk.members());
      presences.addAll(chunk.presences());
      notFound.addAll(chunk.notFound());
      int count = Math.max(1, chunk.chunkCount());
      if (seen.cardinality() < count) {
        return null;
      }
      return new GuildMembers(guildId, nonce, members, presences, notFound);
    }
  }
}
