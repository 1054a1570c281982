#include <stdio.h>
#include <sqlite3.h>

int find_user(sqlite3 *db, const char *name, int id) {
    char sql[256];
    sqlite3_stmt *stmt;
    // ruleid: c-sql-format-string
    snprintf(sql, sizeof sql, "SELECT * FROM users WHERE name = '%s'", name);
    // ruleid: c-sql-format-string
    char *q = sqlite3_mprintf("DELETE FROM sessions WHERE user = '%s'", name);
    // ok: c-sql-format-string
    sqlite3_prepare_v2(db, "SELECT * FROM users WHERE name = ?", -1, &stmt, NULL);
    // ok: c-sql-format-string
    sqlite3_bind_text(stmt, 1, name, -1, SQLITE_TRANSIENT);
    // ok: c-sql-format-string
    char *safe = sqlite3_mprintf("DELETE FROM sessions WHERE user = %Q", name);
    // ok: c-sql-format-string
    snprintf(sql, sizeof sql, "SELECT * FROM users WHERE id = %d", id);
    sqlite3_free(q); sqlite3_free(safe);
    return sqlite3_step(stmt);
}
