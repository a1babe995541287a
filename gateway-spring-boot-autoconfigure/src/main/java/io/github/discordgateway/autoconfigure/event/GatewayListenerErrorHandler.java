package io.github.discordgateway.autoconfigure.event;

import java.lang.reflect.Method;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.context.event.SimpleApplicationEventMulticaster;
import org.springframework.util.ErrorHandler;
import org.springframework.util.ReflectionUtils;

/**
 * Keeps one throwing Spring listener of a gateway event from hiding the event from the others.
 * Spring's multicaster stops an event at the first synchronous listener that throws unless it has
 * an {@link ErrorHandler}; this handler is installed on the context's {@link
 * SimpleApplicationEventMulticaster} and acts only while {@link ApplicationEventBridge} publishes a
 * gateway event on the current thread: it records the error (see {@link ListenerErrorRecorder}),
 * lets the next listener run, and after the last one the bridge rethrows the first error (the
 * others suppressed) so that the shard logs it with the event type and sequence.
 *
 * <p>Any other event is left to the error handler the multicaster had before (or, without one, the
 * exception propagates to its publisher as usual). A multicaster of another type is left alone, and
 * then the first throwing listener still ends the delivery of a gateway event.
 *
 * <pre>{@code
 * GatewayListenerErrorHandler errors = GatewayListenerErrorHandler.install(multicaster, recorders);
 * ApplicationEventBridge bridge = new ApplicationEventBridge(context, manager, errors);
 * }</pre>
 */
public final class GatewayListenerErrorHandler implements ErrorHandler {

  private static final Logger log = LoggerFactory.getLogger(GatewayListenerErrorHandler.class);

  private final ErrorHandler previous;
  private final Supplier<List<ListenerErrorRecorder>> recorders;
  private final ThreadLocal<Publication> current = new ThreadLocal<>();

  private GatewayListenerErrorHandler(
      ErrorHandler previous, Supplier<List<ListenerErrorRecorder>> recorders) {
    this.previous = previous;
    this.recorders = Objects.requireNonNull(recorders, "recorders");
  }

  /**
   * Installs a handler on {@code multicaster} when it is a {@link
   * SimpleApplicationEventMulticaster}, keeping its current error handler for other events.
   *
   * @param multicaster the context's multicaster
   * @param recorders the recorders to tell about each failed listener, looked up at each failure
   * @return the handler; it also works when it could not be installed (then it never sees an error)
   */
  public static GatewayListenerErrorHandler install(
      ApplicationEventMulticaster multicaster, Supplier<List<ListenerErrorRecorder>> recorders) {
    if (multicaster instanceof SimpleApplicationEventMulticaster simple) {
      GatewayListenerErrorHandler handler =
          new GatewayListenerErrorHandler(currentHandler(simple), recorders);
      simple.setErrorHandler(handler);
      return handler;
    }
    log.info(
        "The application's event multicaster ({}) is not a SimpleApplicationEventMulticaster: a"
            + " listener that throws on a gateway event keeps it from the listeners after it",
        multicaster == null ? "none" : multicaster.getClass().getName());
    return new GatewayListenerErrorHandler(null, recorders);
  }

  private static ErrorHandler currentHandler(SimpleApplicationEventMulticaster multicaster) {
    // Spring only exposes the handler to subclasses; keep it so other events behave as before
    Method getter =
        ReflectionUtils.findMethod(SimpleApplicationEventMulticaster.class, "getErrorHandler");
    if (getter == null) {
      return null;
    }
    ReflectionUtils.makeAccessible(getter);
    Object handler = ReflectionUtils.invokeMethod(getter, multicaster);
    return handler instanceof ErrorHandler errorHandler ? errorHandler : null;
  }

  /**
   * Runs {@code publish} as the publication of one gateway event: listeners that throw are recorded
   * and the others still run; afterwards the first error is rethrown with the others suppressed.
   *
   * @param eventType the event type, for the recorders
   * @param publish publishes the event
   */
  void publish(String eventType, Runnable publish) {
    Publication outer = current.get();
    Publication publication = new Publication(eventType);
    current.set(publication);
    try {
      publish.run();
    } finally {
      // set, not removed: a delivery thread publishes every event, and a removed entry would be
      // looked up as a miss and made again each time
      current.set(outer);
    }
    if (publication.failure != null) {
      throw publication.failure;
    }
  }

  @Override
  public void handleError(Throwable error) {
    Publication publication = current.get();
    if (publication == null) {
      if (previous != null) {
        previous.handleError(error);
        return;
      }
      ReflectionUtils.rethrowRuntimeException(error);
      return;
    }
    if (error instanceof VirtualMachineError fatal) {
      throw fatal;
    }
    for (ListenerErrorRecorder recorder : recorders.get()) {
      try {
        recorder.listenerFailed(publication.eventType, error);
      } catch (RuntimeException ex) {
        log.warn("Listener error recorder {} failed", recorder, ex);
      }
    }
    publication.add(error);
  }

  @Override
  public String toString() {
    return "GatewayListenerErrorHandler";
  }

  private static final class Publication {
    final String eventType;
    RuntimeException failure;

    Publication(String eventType) {
      this.eventType = eventType;
    }

    void add(Throwable error) {
      if (failure == null) {
        failure =
            error instanceof RuntimeException runtime
                ? runtime
                : new UndeclaredThrowableException(error, "A listener failed on " + eventType);
      } else if (failure != error) {
        failure.addSuppressed(error);
      }
    }
  }
}
