import android.content.Context

fun open(context: Context) {
    // ruleid: kotlin-world-readable-mode
    val prefs = context.getSharedPreferences("app", Context.MODE_WORLD_READABLE)
    // ruleid: kotlin-world-readable-mode
    context.openFileOutput("export.csv", Context.MODE_WORLD_WRITEABLE).use { it.write(byteArrayOf()) }
    // ok: kotlin-world-readable-mode
    val own = context.getSharedPreferences("app", Context.MODE_PRIVATE)
    // ok: kotlin-world-readable-mode
    context.openFileOutput("export.csv", Context.MODE_PRIVATE).use { it.write(byteArrayOf()) }
}
