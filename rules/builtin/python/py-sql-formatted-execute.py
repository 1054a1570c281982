import sqlite3


def find_user(conn, name, user_id, table):
    cursor = conn.cursor()
    # ruleid: py-sql-formatted-execute
    cursor.execute(f"SELECT * FROM users WHERE name = '{name}'")
    # ruleid: py-sql-formatted-execute
    cursor.execute("SELECT * FROM users WHERE id = %s" % user_id)
    # ruleid: py-sql-formatted-execute
    conn.execute("DELETE FROM users WHERE name = '" + name + "'")
    # ruleid: py-sql-formatted-execute
    get_db().execute("SELECT * FROM {} WHERE id = {}".format(table, user_id))
    # ruleid: py-sql-formatted-execute
    self.db.executemany(f"INSERT INTO {table} VALUES (?, ?)", rows)
    # ok: py-sql-formatted-execute
    cursor.execute("SELECT * FROM users WHERE name = ?", (name,))
    # ok: py-sql-formatted-execute
    cursor.execute("SELECT * FROM users WHERE id = %s", (user_id,))
    # ok: py-sql-formatted-execute
    conn.execute("SELECT * FROM users " + "ORDER BY name")
    # ok: py-sql-formatted-execute
    cursor.execute(query, params)
    # ok: py-sql-formatted-execute
    cursor.execute(f"SELECT COUNT(*) FROM users")
    query = f"SELECT * FROM users WHERE name = '{name}'"
    # todoruleid: py-sql-formatted-execute
    cursor.execute(query)
    return cursor.fetchall()
