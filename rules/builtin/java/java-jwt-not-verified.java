class Tokens2 {
    String user(String token, Algorithm alg, java.security.Key key) {
        // ruleid: java-jwt-not-verified
        DecodedJWT jwt = JWT.decode(token);
        // ruleid: java-jwt-not-verified
        Claims c = Jwts.parser().parseClaimsJwt(token).getBody();
        // ok: java-jwt-not-verified
        DecodedJWT verified = JWT.require(alg).build().verify(token);
        // ok: java-jwt-not-verified
        Claims good = Jwts.parserBuilder().setSigningKey(key).build().parseClaimsJws(token).getBody();
        return verified.getSubject();
    }
}
