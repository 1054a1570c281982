async fn find(pool: &sqlx::PgPool, conn: &rusqlite::Connection, name: &str) -> anyhow::Result<()> {
    // ruleid: rust-sql-format
    let rows = sqlx::query(&format!("SELECT * FROM users WHERE name = '{}'", name)).fetch_all(pool).await?;
    // ruleid: rust-sql-format
    conn.execute(&format!("DELETE FROM sessions WHERE user = '{name}'"), [])?;
    // ok: rust-sql-format
    let safe = sqlx::query("SELECT * FROM users WHERE name = $1").bind(name).fetch_all(pool).await?;
    // ok: rust-sql-format
    conn.execute("DELETE FROM sessions WHERE user = ?1", rusqlite::params![name])?;
    // ok: rust-sql-format
    let msg = format!("selected {}", name);
    Ok(())
}
