package token

import (
	crand "crypto/rand"
	"math/big"
	"math/rand"
)

const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

func New(n int) string {
	b := make([]byte, n)
	for i := range b {
		// ruleid: go-math-rand-secret
		b[i] = letters[rand.Intn(len(letters))]
	}
	// ruleid: go-math-rand-secret
	resetCode := rand.Intn(1000000)
	for i := range b {
		// ok: go-math-rand-secret
		idx, _ := crand.Int(crand.Reader, big.NewInt(int64(len(letters))))
		// ok: go-math-rand-secret
		b[i] = letters[idx.Int64()]
	}
	// ok: go-math-rand-secret
	jitter := rand.Intn(100)
	_, _ = resetCode, jitter
	return string(b)
}
