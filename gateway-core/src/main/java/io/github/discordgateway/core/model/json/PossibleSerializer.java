package io.github.discordgateway.core.model.json;

import io.github.discordgateway.core.model.Possible;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * Writes a {@link Possible}: its value, or {@code null}. It reports an absent value as empty, so a
 * component annotated {@code @JsonInclude(NON_EMPTY)} leaves the key out.
 */
public final class PossibleSerializer extends ValueSerializer<Possible<?>> {

  @Override
  public void serialize(Possible<?> value, JsonGenerator gen, SerializationContext ctxt) {
    if (value.hasValue()) {
      ctxt.writeValue(gen, value.get());
    } else {
      gen.writeNull();
    }
  }

  @Override
  public boolean isEmpty(SerializationContext ctxt, Possible<?> value) {
    return value == null || value.isAbsent();
  }

  @Override
  public Class<?> handledType() {
    return Possible.class;
  }
}
