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

  /**
   * Tells the limiter that Discord answered the Identify that {@code shardId} sent with its last
   * permit: READY, op 9 Invalid Session, or the connection closed before either. Discord counts the
   * window from when it received the Identify, and the answer comes after that, so pacing the next
   * identify of the bucket from the answer holds however long the Identify took to arrive. The
   * default ignores it (pacing from the grant alone); it must return quickly and must not complete
   * permit futures on the calling thread, which may hold the shard's lock.
   *
   * @param shardId the shard whose Identify was answered
   * @param maxConcurrency {@code max_concurrency} the permit was acquired with
   */
  default void identifyAnswered(int shardId, int maxConcurrency) {}
}
