package org.civicflow.domain.audit;

/**
 * Where the current action comes from. The web layer sets the client address for the duration of a
 * request (the portal's {@code ClientAddressFilter}, which honours {@code X-Forwarded-For} only
 * from configured trusted proxies); background work leaves it empty.
 */
public final class AuditContext {

  private static final ThreadLocal<String> REMOTE_ADDRESS = new ThreadLocal<>();

  private AuditContext() {}

  public static void setRemoteAddress(String address) {
    REMOTE_ADDRESS.set(address);
  }

  public static String remoteAddress() {
    return REMOTE_ADDRESS.get();
  }

  public static void clear() {
    REMOTE_ADDRESS.remove();
  }
}
