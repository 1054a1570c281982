package config

import "os"

// ruleid: go-hardcoded-credential
const apiKey = "sk_live_51HxQ2fA9"

// ok: go-hardcoded-credential
const passwordEnv = "DB_PASSWORD"

type Config struct {
	// ok: go-hardcoded-credential
	Password string `json:"password"`
}

func Load() Config {
	// ruleid: go-hardcoded-credential
	dbPassword := "Winter2024!"
	// ruleid: go-hardcoded-credential
	cfg := Config{Password: "hunter2-admin"}
	// ok: go-hardcoded-credential
	fromEnv := Config{Password: os.Getenv("DB_PASSWORD")}
	// ok: go-hardcoded-credential
	secret := os.Getenv("APP_SECRET")
	_, _, _ = dbPassword, fromEnv, secret
	return cfg
}
