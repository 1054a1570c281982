import java.security.SecureRandom

private val chars = ('a'..'z') + ('0'..'9')
private val secure = SecureRandom()

fun tokens(): String {
    // ruleid: kotlin-insecure-random-secret
    val token = (1..32).map { chars.random() }.joinToString("")
    // ruleid: kotlin-insecure-random-secret
    val resetCode = kotlin.random.Random.nextInt(100000, 999999)
    // ok: kotlin-insecure-random-secret
    val goodToken = (1..32).map { chars[secure.nextInt(chars.size)] }.joinToString("")
    // ok: kotlin-insecure-random-secret
    val code = SecureRandom().nextInt(900000) + 100000
    // ok: kotlin-insecure-random-secret
    val delayMs = kotlin.random.Random.nextLong(100, 500)
    // ruleid: kotlin-insecure-random-secret
    val sid = (1..32).map { chars[Random.nextInt(chars.size)] }.joinToString("")
    // ok: kotlin-insecure-random-secret
    val sid2 = (1..32).map { chars[secure.nextInt(chars.size)] }.joinToString("")
    return token + resetCode + goodToken + code + delayMs + sid + sid2
}
