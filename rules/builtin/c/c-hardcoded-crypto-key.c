#include <openssl/evp.h>
#include <openssl/rand.h>

void seal(EVP_CIPHER_CTX *ctx, const unsigned char *key_from_kms) {
    // ruleid: c-hardcoded-crypto-key
    static const unsigned char aes_key[] = "0123456789abcdef0123456789abcdef";
    // ok: c-hardcoded-crypto-key
    static const char key_title[] = "Title";
    // ruleid: c-hardcoded-crypto-key
    unsigned char iv[17] = "fedcba9876543210";
    // ruleid: c-hardcoded-crypto-key
    EVP_EncryptInit_ex(ctx, EVP_aes_256_gcm(), NULL, (const unsigned char *)"0123456789abcdef0123456789abcdef", iv);
    unsigned char nonce[12];
    // ok: c-hardcoded-crypto-key
    RAND_bytes(nonce, sizeof nonce);
    // ok: c-hardcoded-crypto-key
    EVP_EncryptInit_ex(ctx, EVP_aes_256_gcm(), NULL, key_from_kms, nonce);
    // ok: c-hardcoded-crypto-key
    unsigned char key_buf[32];
    // ok: c-hardcoded-crypto-key
    const char *key_label = "primary";
    (void)aes_key; (void)key_title; (void)key_buf; (void)key_label;
}
