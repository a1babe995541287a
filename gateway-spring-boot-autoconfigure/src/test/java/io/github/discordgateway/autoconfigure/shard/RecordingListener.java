package io.github.discordgateway.autoconfigure.shard;

import io.github.discordgateway.core.event.GatewayEventListener;
import io.github.discordgateway.core.event.ShardDispatch;
import io.github.discordgateway.core.event.ShardEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what listeners receive, in delivery order. */
class RecordingListener implements GatewayEventListener {

  final List<ShardEvent> events = new CopyOnWriteArrayList<>();
  final List<String> threads = new CopyOnWriteArrayList<>();

  @Override
  public void onEvent(ShardEvent event) {
    threads.add(Thread.currentThread().getName());
    events.add(event);
  }

  List<ShardDispatch> dispatches(int shard) {
    return events.stream()
        .filter(ShardDispatch.class::isInstance)
        .map(ShardDispatch.class::cast)
        .filter(d -> d.shardId() == shard)
        .toList();
  }

  List<Long> sequences(int shard) {
    return dispatches(shard).stream().map(ShardDispatch::sequence).toList();
  }

  List<String> types(int shard) {
    return dispatches(shard).stream().map(ShardDispatch::type).toList();
  }

  long count(int shard, String type) {
    return types(shard).stream().filter(type::equals).count();
  }

  <T extends ShardEvent> List<T> of(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
