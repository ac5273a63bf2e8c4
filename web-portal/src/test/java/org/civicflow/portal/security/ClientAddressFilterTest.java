package org.civicflow.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** X-Forwarded-For counts only when a trusted proxy sends it. */
class ClientAddressFilterTest {

  private static String address(List<String> trusted, String remote, String forwarded) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
    request.setRemoteAddr(remote);
    if (forwarded != null) {
      request.addHeader("X-Forwarded-For", forwarded);
    }
    return new ClientAddressFilter(trusted).clientAddress(request);
  }

  @Test
  void withoutTrustedProxiesTheHeaderIsIgnored() {
    assertThat(address(List.of(), "198.51.100.7", "10.1.1.1")).isEqualTo("198.51.100.7");
    assertThat(address(List.of(""), "198.51.100.7", null)).isEqualTo("198.51.100.7");
  }

  @Test
  void aClientThatIsNoTrustedProxyCannotChooseItsAddress() {
    assertThat(address(List.of("10.0.0.0/8"), "198.51.100.7", "1.2.3.4")).isEqualTo("198.51.100.7");
  }

  @Test
  void theRightMostAddressThatIsNoTrustedProxyIsTheClient() {
    List<String> trusted = List.of("10.0.0.0/8", "192.168.1.5", "::1");
    assertThat(address(trusted, "10.0.0.2", "203.0.113.9")).isEqualTo("203.0.113.9");
    // a forged left-most entry does not win over the address the proxies saw
    assertThat(address(trusted, "10.0.0.2", "6.6.6.6, 203.0.113.9, 192.168.1.5"))
        .isEqualTo("203.0.113.9");
    assertThat(address(trusted, "::1", "2001:db8::5")).isEqualTo("2001:db8::5");
    assertThat(address(trusted, "10.0.0.2", "10.0.0.3")).isEqualTo("10.0.0.3");
    assertThat(address(trusted, "10.0.0.2", "evil.example, 203.0.113.9")).isEqualTo("203.0.113.9");
    assertThat(address(trusted, "10.0.0.2", "junk")).isEqualTo("10.0.0.2");
    assertThat(address(trusted, "11.0.0.2", "203.0.113.9")).isEqualTo("11.0.0.2");
  }

  @Test
  void aBadSettingStopsTheStart() {
    assertThatThrownBy(() -> new ClientAddressFilter(List.of("proxy.example")))
        .hasMessageContaining("civicflow.security.trusted-proxies");
    assertThatThrownBy(() -> new ClientAddressFilter(List.of("10.0.0.0/33")))
        .hasMessageContaining("prefix");
  }
}
