package auth

import "github.com/golang-jwt/jwt/v5"

func User(tokenString string, key []byte) (jwt.MapClaims, error) {
	claims := jwt.MapClaims{}
	// ruleid: go-jwt-unverified
	tok, _, err := jwt.NewParser().ParseUnverified(tokenString, claims)
	// ruleid: go-jwt-unverified
	unsigned := jwt.NewWithClaims(jwt.SigningMethodNone, claims)
	// ok: go-jwt-unverified
	good, err := jwt.Parse(tokenString, func(t *jwt.Token) (any, error) { return key, nil }, jwt.WithValidMethods([]string{"HS256"}))
	// ok: go-jwt-unverified
	signed := jwt.NewWithClaims(jwt.SigningMethodHS256, claims)
	_, _, _, _ = tok, unsigned, good, signed
	return claims, err
}
