package io.github.discordgateway.autoconfigure.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.context.event.SimpleApplicationEventMulticaster;

class GatewayListenerErrorHandlerTest {

  private final List<String> recorded = new CopyOnWriteArrayList<>();
  private final List<String> delivered = new CopyOnWriteArrayList<>();

  private static ApplicationEvent event() {
    return new PayloadApplicationEvent<>(GatewayListenerErrorHandlerTest.class, "payload");
  }

  private SimpleApplicationEventMulticaster multicasterWithThrowingThenRecordingListener() {
    SimpleApplicationEventMulticaster multicaster = new SimpleApplicationEventMulticaster();
    multicaster.addApplicationListener(
        (ApplicationListener<ApplicationEvent>)
            e -> {
              throw new IllegalStateException("first listener");
            });
    multicaster.addApplicationListener(
        (ApplicationListener<ApplicationEvent>) e -> delivered.add("second"));
    return multicaster;
  }

  @Test
  void everyListenerRunsForAGatewayEventAndTheFirstErrorIsRethrownAfterwards() {
    SimpleApplicationEventMulticaster multicaster = multicasterWithThrowingThenRecordingListener();
    GatewayListenerErrorHandler handler =
        GatewayListenerErrorHandler.install(
            multicaster, () -> List.of((type, error) -> recorded.add(type)));

    assertThatThrownBy(
            () -> handler.publish("MESSAGE_CREATE", () -> multicaster.multicastEvent(event())))
        .hasMessage("first listener");
    assertThat(delivered).containsExactly("second");
    assertThat(recorded).containsExactly("MESSAGE_CREATE");
  }

  @Test
  void otherEventsKeepTheErrorHandlerTheMulticasterHadBefore() {
    SimpleApplicationEventMulticaster multicaster = multicasterWithThrowingThenRecordingListener();
    List<Throwable> previous = new CopyOnWriteArrayList<>();
    multicaster.setErrorHandler(previous::add);
    GatewayListenerErrorHandler.install(multicaster, List::of);

    multicaster.multicastEvent(event());

    assertThat(previous)
        .singleElement()
        .extracting(Throwable::getMessage)
        .isEqualTo("first listener");
    assertThat(delivered).containsExactly("second");
    assertThat(recorded).isEmpty();
  }

  @Test
  void otherEventsStillFailTheirPublisherWithoutAPreviousHandler() {
    SimpleApplicationEventMulticaster multicaster = multicasterWithThrowingThenRecordingListener();
    GatewayListenerErrorHandler.install(multicaster, List::of);

    assertThatThrownBy(() -> multicaster.multicastEvent(event())).hasMessage("first listener");
    assertThat(delivered).isEmpty();
  }

  @Test
  void aMulticasterOfAnotherKindIsLeftAlone() {
    ApplicationEventMulticaster custom = mock(ApplicationEventMulticaster.class);
    GatewayListenerErrorHandler handler = GatewayListenerErrorHandler.install(custom, List::of);

    handler.publish("READY", () -> delivered.add("published"));

    assertThat(delivered).containsExactly("published");
  }
}
