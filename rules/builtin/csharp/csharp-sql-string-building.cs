using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;

class Users
{
    void Find(SqlConnection conn, AppDb db, string name, int id)
    {
        // ruleid: csharp-sql-string-building
        var cmd = new SqlCommand($"SELECT * FROM Users WHERE Name = '{name}'", conn);
        // ruleid: csharp-sql-string-building
        cmd.CommandText = "DELETE FROM Sessions WHERE UserId = " + id;
        // ruleid: csharp-sql-string-building
        var rows = db.Users.FromSqlRaw($"SELECT * FROM Users WHERE Name = '{name}'").ToList();
        // ok: csharp-sql-string-building
        var safe = new SqlCommand("SELECT * FROM Users WHERE Name = @name", conn);
        // ok: csharp-sql-string-building
        safe.Parameters.AddWithValue("@name", name);
        // ok: csharp-sql-string-building
        var ef = db.Users.FromSqlInterpolated($"SELECT * FROM Users WHERE Name = {name}").ToList();
        // ok: csharp-sql-string-building
        var msg = $"Selected {name}";
    }
}
