package webhook

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
)

func Valid(body []byte, sig string, key []byte) bool {
	m := hmac.New(sha256.New, key)
	m.Write(body)
	expectedMAC := m.Sum(nil)
	given, _ := hex.DecodeString(sig)
	// ruleid: go-non-constant-time-compare
	if bytes.Equal(given, expectedMAC) { return true }
	// ruleid: go-non-constant-time-compare
	if hex.EncodeToString(expectedMAC) == sig { return true }
	// ok: go-non-constant-time-compare
	if hmac.Equal(given, expectedMAC) { return true }
	// ok: go-non-constant-time-compare
	if subtle.ConstantTimeCompare([]byte(sig), []byte(hex.EncodeToString(expectedMAC))) == 1 { return true }
	// ok: go-non-constant-time-compare
	if sig == "" { return false }
	return false
}
