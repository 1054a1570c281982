package keys

import (
	"crypto/rand"
	"crypto/rsa"
)

func Make() {
	// ruleid: go-weak-rsa-key
	weak, _ := rsa.GenerateKey(rand.Reader, 1024)
	// ok: go-weak-rsa-key
	good, _ := rsa.GenerateKey(rand.Reader, 2048)
	// ok: go-weak-rsa-key
	better, _ := rsa.GenerateKey(rand.Reader, 3072)
	_, _, _ = weak, good, better
}
