package seal

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/des"
	"crypto/rc4"
)

func Make(key []byte) {
	// ruleid: go-weak-cipher
	b1, _ := des.NewTripleDESCipher(key)
	// ruleid: go-weak-cipher
	s, _ := rc4.NewCipher(key)
	// ok: go-weak-cipher
	block, _ := aes.NewCipher(key)
	// ok: go-weak-cipher
	gcm, _ := cipher.NewGCM(block)
	_, _, _ = b1, s, gcm
}
