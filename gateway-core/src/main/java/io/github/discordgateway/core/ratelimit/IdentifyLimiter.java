package io.github.discordgateway.core.ratelimit;

import io.github.discordgateway.core.protocol.SessionStartLimit;
import java.util.concurrent.CompletableFuture;

/**
 * Decides when a shard may send Identify: Discord allows one identify per 5 seconds per bucket
 * {@code shard_id % max_concurrency}, and a daily number of session starts. The default is {@link
 * LocalIdentifyLimiter} (one process); bots whose shards run in several processes supply a
 * distributed implementation (for example over Redis) so the limit holds across all of them.
 *
 * <p>Implementations never block a thread: they complete the future when the shard may identify. A
 * caller that no longer needs the permit cancels the future; the implementation then skips it.
 * Implementations must not complete futures while holding a lock that callers could need.
 *
 * <pre>{@code
 * limiter.acquire(shardId, maxConcurrency).thenAccept(permit -> sendIdentify());
 * }</pre>
 */
public interface IdentifyLimiter {

  /**
   * Waits for a turn to identify.
   *
   * @param shardId the shard id ({@code >= 0})
   * @param maxConcurrency {@code max_concurrency} from {@code GET /gateway/bot} ({@code >= 1})
   * @return completes with a permit when the shard may send Identify
   */
  CompletableFuture<IdentifyPermit> acquire(int shardId, int maxConcurrency);

  /**
   * Tells the limiter the current session start quota (from {@code GET /gateway/bot}); it then
   * never grants a permit while {@code remaining} is 0 before {@code reset_after} has passed.
   *
   * @param limit the quota
   */
  default void updateSessionStartLimit(SessionStartLimit limit) {}
}
