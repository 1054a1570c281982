using System.Data.SqlClient;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

public class UsersController : Controller
{
    private readonly SqlConnection _connection;
    private readonly ShopContext _db;

    public UsersController(SqlConnection connection, ShopContext db)
    {
        _connection = connection;
        _db = db;
    }

    public IActionResult Search()
    {
        string name = Request.Query["name"];
        // ruleid: csharp-sqli-taint
        var command = new SqlCommand("SELECT * FROM Users WHERE Name = '" + name + "'", _connection);
        // ok: csharp-sqli-taint
        var safe = new SqlCommand("SELECT * FROM Users WHERE Name = @name", _connection);
        safe.Parameters.AddWithValue("@name", name);
        return Ok(command.ExecuteScalar());
    }

    [HttpGet("orders")]
    public IActionResult Orders(string status, int page)
    {
        // ruleid: csharp-sqli-taint
        var rows = _db.Orders.FromSqlRaw($"SELECT * FROM Orders WHERE Status = '{status}'").ToList();
        // ok: csharp-sqli-taint
        var same = _db.Orders.FromSqlInterpolated($"SELECT * FROM Orders WHERE Status = {status}").ToList();
        // ok: csharp-sqli-taint
        var paged = _db.Orders.FromSqlRaw("SELECT * FROM Orders ORDER BY Id OFFSET " + (page * 20)).ToList();
        return Ok(rows.Count + same.Count + paged.Count);
    }

    public IActionResult Delete(string id)
    {
        var cmd = _connection.CreateCommand();
        // ruleid: csharp-sqli-taint
        cmd.CommandText = "DELETE FROM Users WHERE Id = " + id;
        // ok: csharp-sqli-taint
        cmd.CommandText = "DELETE FROM Users WHERE Id = " + int.Parse(id);
        return Ok(cmd.ExecuteNonQuery());
    }
}
