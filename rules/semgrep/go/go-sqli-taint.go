package main

import (
	"database/sql"
	"fmt"
	"net/http"
	"strconv"
)

var db *sql.DB

func searchUsers(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	// ruleid: go-sqli-taint
	rows, err := db.Query(fmt.Sprintf("SELECT id FROM users WHERE name = '%s'", name))
	// ok: go-sqli-taint
	rows, err = db.Query("SELECT id FROM users WHERE name = $1", name)
	if err != nil {
		http.Error(w, "query failed", http.StatusInternalServerError)
		return
	}
	defer rows.Close()
	order := r.FormValue("order")
	query := "SELECT id FROM users ORDER BY " + order
	// ruleid: go-sqli-taint
	db.QueryRow(query)
	// ok: go-sqli-taint
	db.QueryRow("SELECT id FROM users ORDER BY created_at")
}

func deleteUser(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.Atoi(r.FormValue("id"))
	if err != nil {
		http.Error(w, "bad id", http.StatusBadRequest)
		return
	}
	// ok: go-sqli-taint
	db.Exec(fmt.Sprintf("DELETE FROM users WHERE id = %d", id))
	tx, _ := db.Begin()
	reason := r.Header.Get("X-Reason")
	// ruleid: go-sqli-taint
	tx.ExecContext(r.Context(), "INSERT INTO audit (reason) VALUES ('"+reason+"')")
	// ok: go-sqli-taint
	tx.ExecContext(r.Context(), "INSERT INTO audit (reason) VALUES ($1)", reason)
	tx.Commit()
}

func report(w http.ResponseWriter, r *http.Request) {
	conn, err := sql.Open("postgres", "postgres://localhost/app")
	if err != nil {
		return
	}
	// ruleid: go-sqli-taint
	conn.Exec("UPDATE reports SET title = '" + r.PostFormValue("title") + "'")
	// ok: go-sqli-taint
	conn.Exec("UPDATE reports SET title = $1", r.PostFormValue("title"))
}
