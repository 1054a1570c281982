package client

import (
	"crypto/tls"
	"net/http"
)

func New(pool *x509.CertPool) *http.Client {
	// ruleid: go-tls-insecure-skip-verify
	insecure := &tls.Config{InsecureSkipVerify: true}
	cfg := &tls.Config{}
	// ruleid: go-tls-insecure-skip-verify
	cfg.InsecureSkipVerify = true
	// ok: go-tls-insecure-skip-verify
	safe := &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}
	// ok: go-tls-insecure-skip-verify
	also := &tls.Config{InsecureSkipVerify: false}
	_, _ = insecure, also
	return &http.Client{Transport: &http.Transport{TLSClientConfig: safe}}
}
