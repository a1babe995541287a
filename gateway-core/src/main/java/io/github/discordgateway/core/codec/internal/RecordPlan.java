package io.github.discordgateway.core.codec.internal;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.NullValueProvider;
import tools.jackson.databind.deser.SettableBeanProperty;
import tools.jackson.databind.deser.bean.BeanDeserializer;

/** What one record needs at run time: its properties by name and its constructor. */
final class RecordPlan {

  /** Marks an argument no key of the object has set. */
  static final Object MISSING = new Object();

  /** The plan of a record that {@link RecordDeserializer} leaves to Jackson. */
  static final RecordPlan INELIGIBLE = new RecordPlan(null, null, null, null, -1, null, null);

  final Class<?> type;
  final BeanDeserializer bean;
  final SettableBeanProperty[] properties;
  final Map<String, Integer> indexes;
  final int unwrappedIndex;
  final RecordPlan unwrapped;
  final MethodHandle constructor;
  final Object[] template;
  final RecordDeserializer.Names names;

  private RecordPlan(
      Class<?> type,
      BeanDeserializer bean,
      SettableBeanProperty[] properties,
      Map<String, Integer> indexes,
      int unwrappedIndex,
      RecordPlan unwrapped,
      MethodHandle constructor) {
    this.type = type;
    this.bean = bean;
    this.properties = properties;
    this.indexes = indexes;
    this.unwrappedIndex = unwrappedIndex;
    this.unwrapped = unwrapped;
    this.constructor = constructor;
    this.names = indexes == null ? null : new RecordDeserializer.Names(indexes, unwrapped);
    this.template = properties == null ? null : new Object[properties.length];
    if (template != null) {
      Arrays.fill(template, MISSING);
    }
  }

  static RecordPlan of(Class<?> type, ValueDeserializer<?> delegatee, DeserializationContext ctxt) {
    if (!(delegatee instanceof BeanDeserializer bean)
        || bean.getClass() != BeanDeserializer.class
        || !type.isRecord()
        || bean.hasAnySetter()
        || bean.getObjectIdReader(ctxt) != null
        || !bean.getValueInstantiator().canCreateFromObjectWith()) {
      return INELIGIBLE;
    }
    RecordComponent[] components = type.getRecordComponents();
    SettableBeanProperty[] properties = new SettableBeanProperty[components.length];
    Iterator<SettableBeanProperty> creator = bean.creatorProperties();
    while (creator.hasNext()) {
      SettableBeanProperty property = creator.next();
      int index = property.getCreatorIndex();
      if (index < 0
          || index >= properties.length
          || properties[index] != null
          || property.getInjectionDefinition() != null
          || property.isRequired()) {
        return INELIGIBLE;
      }
      properties[index] = property;
    }
    for (Iterator<SettableBeanProperty> all = bean.properties(); all.hasNext(); ) {
      if (!all.next().isCreatorProperty()) {
        return INELIGIBLE;
      }
    }
    Map<String, Integer> indexes = new HashMap<>();
    int unwrappedIndex = -1;
    RecordPlan unwrapped = null;
    for (int i = 0; i < components.length; i++) {
      // The annotation does not target record components: it lands on the accessor.
      if (components[i].getAccessor().isAnnotationPresent(JsonUnwrapped.class)) {
        if (unwrapped != null) {
          return INELIGIBLE;
        }
        ValueDeserializer<Object> nested =
            ctxt.findRootValueDeserializer(ctxt.constructType(components[i].getGenericType()));
        if (!(nested instanceof RecordDeserializer record)) {
          return INELIGIBLE;
        }
        unwrapped = record.plan(ctxt);
        if (unwrapped == INELIGIBLE || unwrapped.unwrapped != null) {
          return INELIGIBLE;
        }
        unwrappedIndex = i;
      } else if (properties[i] == null) {
        return INELIGIBLE;
      } else {
        indexes.put(properties[i].getName(), i);
      }
    }
    if (unwrapped != null) {
      for (String name : indexes.keySet()) {
        if (unwrapped.indexes.containsKey(name)) {
          return INELIGIBLE;
        }
      }
    }
    MethodHandle constructor;
    try {
      List<Class<?>> parameters = new ArrayList<>();
      for (RecordComponent component : components) {
        parameters.add(component.getType());
      }
      constructor =
          MethodHandles.publicLookup()
              .findConstructor(type, MethodType.methodType(void.class, parameters))
              .asSpreader(Object[].class, components.length)
              .asType(MethodType.methodType(Object.class, Object[].class));
    } catch (ReflectiveOperationException | RuntimeException e) {
      return INELIGIBLE;
    }
    return new RecordPlan(
        type, bean, properties, Map.copyOf(indexes), unwrappedIndex, unwrapped, constructor);
  }

  Object read(int index, String name, JsonParser p, DeserializationContext ctxt) {
    try {
      return properties[index].deserialize(p, ctxt);
    } catch (Exception e) {
      throw wrap(e, name, ctxt);
    }
  }

  Object build(Object[] args, DeserializationContext ctxt) {
    for (int i = 0; i < args.length; i++) {
      if (args[i] == MISSING) {
        args[i] = i == unwrappedIndex ? null : absent(properties[i], ctxt);
      }
    }
    try {
      return (Object) constructor.invokeExact(args);
    } catch (Throwable e) {
      // Let Jackson build it again: it throws the error it always threw for this constructor.
      return bean.getValueInstantiator().createFromObjectWith(ctxt, args);
    }
  }

  Object absent(SettableBeanProperty property, DeserializationContext ctxt) {
    try {
      NullValueProvider provider = property.getNullValueProvider();
      Object value = provider == null ? null : provider.getAbsentValue(ctxt);
      return value != null ? value : property.getValueDeserializer().getAbsentValue(ctxt);
    } catch (Exception e) {
      throw wrap(e, property.getName(), ctxt);
    }
  }

  RuntimeException wrap(Exception e, String name, DeserializationContext ctxt) {
    if (!(e instanceof JacksonException)
        && e instanceof RuntimeException runtime
        && !ctxt.isEnabled(DeserializationFeature.WRAP_EXCEPTIONS)) {
      return runtime;
    }
    return JacksonException.wrapWithPath(e, type, name);
  }
}
