package store

import (
	"database/sql"
	"fmt"
)

func Find(db *sql.DB, name string, limit int) (*sql.Rows, error) {
	// ruleid: go-sql-string-formatting
	q := fmt.Sprintf("SELECT * FROM users WHERE name = '%s'", name)
	// ruleid: go-sql-string-formatting
	db.Exec("DELETE FROM sessions WHERE user = '" + name + "'")
	// ruleid: go-sql-string-formatting
	gormDB.Where(fmt.Sprintf("name = %q", name)).Find(&users)
	// ok: go-sql-string-formatting
	rows, err := db.Query("SELECT * FROM users WHERE name = $1", name)
	// ok: go-sql-string-formatting
	page := fmt.Sprintf("SELECT * FROM users ORDER BY id LIMIT %d", limit)
	// ok: go-sql-string-formatting
	gormDB.Where("name = ?", name).Find(&users)
	// ok: go-sql-string-formatting
	msg := fmt.Sprintf("selected %s", name)
	_, _, _ = q, page, msg
	return rows, err
}
