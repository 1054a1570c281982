import android.content.Context

fun save(context: Context, token: String, password: String) {
    val prefs = context.getSharedPreferences("app", Context.MODE_PRIVATE)
    // ruleid: kotlin-shared-preferences-secret
    prefs.edit().putString("auth_token", token).apply()
    // ruleid: kotlin-shared-preferences-secret
    prefs.edit().putString("password", password).apply()
    // ok: kotlin-shared-preferences-secret
    prefs.edit().putString("theme", "dark").apply()
    // ok: kotlin-shared-preferences-secret
    prefs.edit().putBoolean("onboarded", true).apply()
    // ok: kotlin-shared-preferences-secret
    val secure = EncryptedSharedPreferences.create(context, "secure", key, scheme, valueScheme); secure.edit().putString("auth_token", token).apply()
}
