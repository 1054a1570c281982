import android.database.sqlite.SQLiteDatabase

fun find(db: SQLiteDatabase, name: String, id: Int) {
    // ruleid: kotlin-sql-string-template
    val c = db.rawQuery("SELECT * FROM users WHERE name = '$name'", null)
    // ruleid: kotlin-sql-string-template
    db.execSQL("DELETE FROM sessions WHERE user_id = ${id}")
    // ruleid: kotlin-sql-string-template
    val q = "UPDATE users SET name = '" + name + "' WHERE id = 1"
    // ok: kotlin-sql-string-template
    val safe = db.rawQuery("SELECT * FROM users WHERE name = ?", arrayOf(name))
    // ok: kotlin-sql-string-template
    val label = "Selected $name"
    // ok: kotlin-sql-string-template
    db.delete("sessions", "user_id = ?", arrayOf(id.toString()))
}
