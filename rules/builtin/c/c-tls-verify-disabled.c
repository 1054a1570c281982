#include <curl/curl.h>
#include <openssl/ssl.h>

void configure(CURL *curl, SSL_CTX *ctx) {
    // ruleid: c-tls-verify-disabled
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 0L);
    // ruleid: c-tls-verify-disabled
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 0);
    // ruleid: c-tls-verify-disabled
    SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, NULL);
    // ok: c-tls-verify-disabled
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    // ok: c-tls-verify-disabled
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    // ok: c-tls-verify-disabled
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, NULL);
}
