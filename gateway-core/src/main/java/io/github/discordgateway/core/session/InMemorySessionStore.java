package io.github.discordgateway.core.session;

import io.github.discordgateway.core.client.SessionSnapshot;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link SessionStore} in this process's memory: survives reconnects, not restarts. */
public final class InMemorySessionStore implements SessionStore {

  private record Key(int shardId, int shardCount) {}

  private final ConcurrentHashMap<Key, SessionSnapshot> sessions = new ConcurrentHashMap<>();

  @Override
  public Optional<SessionSnapshot> load(int shardId, int shardCount) {
    return Optional.ofNullable(sessions.get(new Key(shardId, shardCount)));
  }

  @Override
  public void save(int shardId, int shardCount, SessionSnapshot snapshot) {
    sessions.put(new Key(shardId, shardCount), snapshot);
  }

  @Override
  public void remove(int shardId, int shardCount) {
    sessions.remove(new Key(shardId, shardCount));
  }

  /** Returns how many sessions are stored. */
  public int size() {
    return sessions.size();
  }

  @Override
  public String toString() {
    return "InMemorySessionStore[sessions=" + sessions.size() + "]";
  }
}
