async function findUser(db, req) {
  const name = req.query.name;
  // ruleid: js-sql-template-query
  const rows = await db.query(`SELECT * FROM users WHERE name = '${name}'`);
  // ruleid: js-sql-template-query
  const other = await db.query("SELECT * FROM users WHERE id = " + req.params.id);
  // ruleid: js-sql-template-query
  await knex.raw(`DELETE FROM sessions WHERE user = ${req.user.id}`);
  // ok: js-sql-template-query
  const safe = await db.query("SELECT * FROM users WHERE name = $1", [name]);
  // ok: js-sql-template-query
  const tagged = await sql.query(sql`SELECT * FROM users WHERE name = ${name}`);
  // ok: js-sql-template-query
  const page = await client.get(`/api/users/${name}`);
  // ok: js-sql-template-query
  const fixed = await db.query(`SELECT COUNT(*) FROM users`);
  return [rows, other, safe, tagged, page, fixed];
}
