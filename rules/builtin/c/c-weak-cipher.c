#include <openssl/evp.h>

void encrypt(EVP_CIPHER_CTX *ctx, const unsigned char *key, const unsigned char *iv) {
    // ruleid: c-weak-cipher
    EVP_EncryptInit_ex(ctx, EVP_des_cbc(), NULL, key, iv);
    // ruleid: c-weak-cipher
    EVP_EncryptInit_ex(ctx, EVP_aes_128_ecb(), NULL, key, NULL);
    // ruleid: c-weak-cipher
    EVP_EncryptInit_ex(ctx, EVP_rc4(), NULL, key, NULL);
    // ok: c-weak-cipher
    EVP_EncryptInit_ex(ctx, EVP_aes_256_gcm(), NULL, key, iv);
    // ok: c-weak-cipher
    EVP_EncryptInit_ex(ctx, EVP_chacha20_poly1305(), NULL, key, iv);
    // ok: c-weak-cipher
    EVP_EncryptInit_ex(ctx, EVP_aes_256_cbc(), NULL, key, iv);
}
