package io.github.discordgateway.core.session;

import io.github.discordgateway.core.client.SessionSnapshot;
import java.util.Optional;

/**
 * Holds each shard's resumable session, so that a reconnect, and a restart of the process with the
 * same store, resumes instead of identifying again. The default keeps them in memory; a shared
 * store (for example Redis) lets a restarted process resume its shards.
 *
 * <p>Implementations must be thread-safe and fast: {@link #save} is called on every disconnect and
 * on graceful shutdown. A snapshot holds no token.
 */
public interface SessionStore {

  /**
   * Returns the session of a shard, if one is stored.
   *
   * @param shardId the shard id
   * @param shardCount the total shard count (a session of another shard layout is never returned)
   * @return the stored snapshot
   */
  Optional<SessionSnapshot> load(int shardId, int shardCount);

  /**
   * Stores the session of a shard, replacing any earlier one.
   *
   * @param shardId the shard id
   * @param shardCount the total shard count
   * @param snapshot the snapshot (with a session id)
   */
  void save(int shardId, int shardCount, SessionSnapshot snapshot);

  /**
   * Forgets the session of a shard (after a logout or an invalidated session).
   *
   * @param shardId the shard id
   * @param shardCount the total shard count
   */
  void remove(int shardId, int shardCount);
}
