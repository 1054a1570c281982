import SQLite3

func find(db: OpaquePointer?, name: String) {
    var stmt: OpaquePointer?
    // ruleid: swift-sql-interpolation
    sqlite3_exec(db, "DELETE FROM sessions WHERE user = '\(name)'", nil, nil, nil)
    // ruleid: swift-sql-interpolation
    let query = "SELECT * FROM users WHERE name = '\(name)'"
    // ok: swift-sql-interpolation
    sqlite3_prepare_v2(db, "SELECT * FROM users WHERE name = ?", -1, &stmt, nil)
    // ok: swift-sql-interpolation
    sqlite3_bind_text(stmt, 1, name, -1, nil)
    // ok: swift-sql-interpolation
    print("Selected \(name)")
    _ = query
}
