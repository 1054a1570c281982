#include <openssl/evp.h>
#include <openssl/md5.h>
#include <openssl/sha.h>

void digest(const unsigned char *data, size_t n, unsigned char *out) {
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    // ruleid: c-weak-hash
    EVP_DigestInit_ex(ctx, EVP_md5(), NULL);
    // ruleid: c-weak-hash
    SHA1(data, n, out);
    // ruleid: c-weak-hash
    MD5(data, n, out);
    // ok: c-weak-hash
    EVP_DigestInit_ex(ctx, EVP_sha256(), NULL);
    // ok: c-weak-hash
    SHA256(data, n, out);
    // ok: c-weak-hash
    EVP_DigestInit_ex(ctx, EVP_sha3_256(), NULL);
    EVP_MD_CTX_free(ctx);
}
