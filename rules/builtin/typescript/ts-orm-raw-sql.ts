export async function find(repo: any, prisma: any, name: string, col: string) {
  // ruleid: ts-orm-raw-sql
  const a = await repo.createQueryBuilder('u').where(`u.name = '${name}'`).getMany();
  // ruleid: ts-orm-raw-sql
  const b = await prisma.$queryRawUnsafe(`SELECT * FROM "User" WHERE name = '${name}'`);
  // ruleid: ts-orm-raw-sql
  const c = await knex('users').whereRaw("name = '" + name + "'");
  // ok: ts-orm-raw-sql
  const d = await repo.createQueryBuilder('u').where('u.name = :name', { name }).getMany();
  // ok: ts-orm-raw-sql
  const e = await prisma.$queryRaw`SELECT * FROM "User" WHERE name = ${name}`;
  // ok: ts-orm-raw-sql
  const f = await knex('users').whereRaw('name = ?', [name]);
  return [a, b, c, d, e, f];
}
