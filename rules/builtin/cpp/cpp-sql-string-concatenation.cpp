#include <string>
#include <format>
#include <pqxx/pqxx>

pqxx::result find(pqxx::work &tx, const std::string &name, int id) {
    // ruleid: cpp-sql-string-concatenation
    std::string sql = "SELECT * FROM users WHERE name = '" + name + "'";
    // ruleid: cpp-sql-string-concatenation
    tx.exec(std::format("DELETE FROM sessions WHERE user_id = {}", id));
    // ok: cpp-sql-string-concatenation
    auto rows = tx.exec_params("SELECT * FROM users WHERE name = $1", name);
    // ok: cpp-sql-string-concatenation
    std::string query = "SELECT * FROM users "
                        "WHERE name = $1";
    // ok: cpp-sql-string-concatenation
    std::string msg = "selected " + std::to_string(rows.size());
    return rows;
}
