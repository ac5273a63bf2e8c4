package org.civicflow.domain.common;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.ibatis.reflection.ReflectionException;
import org.apache.ibatis.reflection.factory.DefaultObjectFactory;

/**
 * Creates the objects MyBatis maps rows to with each class's constructor looked up and made
 * accessible once.
 *
 * <p>CivicFlow's entities keep their constructors package-private. MyBatis's own factory looks the
 * constructor up again for every row, calls it, catches the {@link IllegalAccessException} that
 * follows (with its stack trace filled in) and only then makes it accessible — 4 % of the server's
 * CPU in the lifecycle benchmark (docs/performance.md). The result is the same; only the work is
 * done once per class and constructor signature.
 */
final class AccessibleConstructors extends DefaultObjectFactory {

  private static final long serialVersionUID = 1L;

  /** The constructors found, made accessible, by class and parameter types. */
  private final transient Map<List<Class<?>>, Constructor<?>> constructors =
      new ConcurrentHashMap<>();

  @Override
  @SuppressWarnings("unchecked")
  public <T> T create(
      Class<T> type, List<Class<?>> constructorArgTypes, List<Object> constructorArgs) {
    boolean noArgs = constructorArgTypes == null || constructorArgs == null;
    Class<?> concrete = resolveInterface(type);
    List<Class<?>> key = new ArrayList<>(noArgs ? 1 : constructorArgTypes.size() + 1);
    key.add(concrete);
    if (!noArgs) {
      key.addAll(constructorArgTypes);
    }
    Constructor<?> constructor = constructors.computeIfAbsent(key, AccessibleConstructors::find);
    if (constructor == null) {
      // no such constructor, or one that cannot be opened: MyBatis's own way and error message
      return super.create(type, constructorArgTypes, constructorArgs);
    }
    try {
      return (T)
          (noArgs ? constructor.newInstance() : constructor.newInstance(constructorArgs.toArray()));
    } catch (ReflectiveOperationException | IllegalArgumentException e) {
      throw new ReflectionException("Error instantiating " + concrete + ". Cause: " + e, e);
    }
  }

  private static Constructor<?> find(List<Class<?>> key) {
    try {
      Constructor<?> constructor =
          key.get(0).getDeclaredConstructor(key.subList(1, key.size()).toArray(new Class<?>[0]));
      constructor.setAccessible(true);
      return constructor;
    } catch (NoSuchMethodException | RuntimeException e) {
      return null;
    }
  }
}
