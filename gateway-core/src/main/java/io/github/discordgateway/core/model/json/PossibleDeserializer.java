package io.github.discordgateway.core.model.json;

import io.github.discordgateway.core.model.Possible;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a {@link Possible}: an absent key gives {@link Possible#absent()}, JSON {@code null} gives
 * {@link Possible#ofNull()}, anything else is read as the type argument.
 */
public final class PossibleDeserializer extends ValueDeserializer<Possible<?>> {

  private final ValueDeserializer<Object> valueDeserializer;

  /** Creates the uncontextualized deserializer that Jackson instantiates from the annotation. */
  public PossibleDeserializer() {
    this(null);
  }

  private PossibleDeserializer(ValueDeserializer<Object> valueDeserializer) {
    this.valueDeserializer = valueDeserializer;
  }

  @Override
  public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
    JavaType type = property != null ? property.getType() : ctxt.getContextualType();
    JavaType valueType =
        type == null ? ctxt.constructType(Object.class) : type.containedTypeOrUnknown(0);
    return new PossibleDeserializer(ctxt.findContextualValueDeserializer(valueType, property));
  }

  @Override
  public Possible<?> deserialize(JsonParser p, DeserializationContext ctxt) {
    return Possible.of(valueDeserializer.deserialize(p, ctxt));
  }

  @Override
  public Object getNullValue(DeserializationContext ctxt) {
    return Possible.ofNull();
  }

  @Override
  public Object getAbsentValue(DeserializationContext ctxt) {
    return Possible.absent();
  }

  @Override
  public Class<?> handledType() {
    return Possible.class;
  }
}
