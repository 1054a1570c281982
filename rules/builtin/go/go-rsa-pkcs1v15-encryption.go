package wrap

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
)

func Seal(pub *rsa.PublicKey, priv *rsa.PrivateKey, msg, digest []byte) {
	// ruleid: go-rsa-pkcs1v15-encryption
	ct, _ := rsa.EncryptPKCS1v15(rand.Reader, pub, msg)
	// ok: go-rsa-pkcs1v15-encryption
	good, _ := rsa.EncryptOAEP(sha256.New(), rand.Reader, pub, msg, nil)
	// ok: go-rsa-pkcs1v15-encryption
	sig, _ := rsa.SignPKCS1v15(rand.Reader, priv, 5, digest)
	_, _, _ = ct, good, sig
}
