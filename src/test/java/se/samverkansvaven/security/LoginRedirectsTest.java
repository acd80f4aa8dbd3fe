package se.samverkansvaven.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The login returns only to a path of this site: never to another site named in {@code continue}. */
class LoginRedirectsTest {

    @Test
    void onlyPathsOfThisSiteAreFollowed() {
        assertThat(LoginRedirects.isLocal("/redigera.html?id=fed-skaraborg")).isTrue();
        assertThat(LoginRedirects.isLocal("/")).isTrue();
        assertThat(LoginRedirects.isLocal("//evil.example/x")).isFalse();
        assertThat(LoginRedirects.isLocal("/\\\\evil.example")).isFalse();
        assertThat(LoginRedirects.isLocal("https://evil.example/")).isFalse();
        assertThat(LoginRedirects.isLocal("redigera.html")).isFalse();
        assertThat(LoginRedirects.isLocal("/x\r\nSet-Cookie: a=b")).isFalse();
        assertThat(LoginRedirects.isLocal(null)).isFalse();
    }
}
