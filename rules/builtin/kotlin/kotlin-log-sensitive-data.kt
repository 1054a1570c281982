import android.util.Log

fun login(user: String, password: String, accessToken: String) {
    // ruleid: kotlin-log-sensitive-data
    Log.d("Auth", "login $user with $password")
    // ruleid: kotlin-log-sensitive-data
    Log.i("Auth", "token=${accessToken}")
    // ok: kotlin-log-sensitive-data
    Log.d("Auth", "login $user")
    // ok: kotlin-log-sensitive-data
    Log.i("Auth", "token refreshed")
}
