import { UniqueConstraintViolationException, type MikroORM } from '@mikro-orm/postgresql';
import { User } from '../src/users/user.entity';
import { toUserDto } from '../src/users/user.dto';
import { UserRepository } from '../src/users/user.repository';
import { createUser } from './factories';
import { createMigratedDatabase, type TestDatabase } from './test-database';

describe('UserRepository on PostgreSQL', () => {
  let db: TestDatabase;
  let orm: MikroORM;

  beforeAll(async () => {
    ({ db, orm } = await createMigratedDatabase());
  });

  afterAll(async () => {
    await orm.close();
    await db.drop();
  });

  it('inserts a user and reads it back from the database', async () => {
    const created = await createUser(orm.em.fork(), {
      email: 'Ada.Lovelace@Example.com',
      firstName: 'Ada',
      lastName: 'Lovelace',
      role: 'admin',
    });
    const sut = orm.em.fork().getRepository(User);
    expect(sut).toBeInstanceOf(UserRepository);

    const read = await sut.findOneOrFail(created.id);
    expect(read).toBeInstanceOf(User);
    expect(read).toMatchObject({
      id: created.id,
      email: 'Ada.Lovelace@Example.com',
      firstName: 'Ada',
      lastName: 'Lovelace',
      role: 'admin',
      status: 'active',
      tokenVersion: 0,
      lastLoginAt: null,
    });
    expect(read.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(read.createdAt).toBeInstanceOf(Date);
    expect(Math.abs(read.createdAt.getTime() - Date.now())).toBeLessThan(60_000);

    const [row] = await db.query<{ email: string; password_hash: string }>('select email, password_hash from users where id = $1', [
      created.id,
    ]);
    expect(row.email).toBe('Ada.Lovelace@Example.com');
    expect(row.password_hash).toMatch(/^\$2b\$/);
  });

  it('finds by email whatever its case, trimmed', async () => {
    const created = await createUser(orm.em.fork(), { email: 'grace@example.com' });
    const sut = orm.em.fork().getRepository(User);
    expect((await sut.findByEmail('  GRACE@Example.COM '))?.id).toBe(created.id);
    expect(await sut.findByEmail('grace@example.co')).toBeNull();
  });

  it('treats LIKE wildcards in an email literally', async () => {
    await createUser(orm.em.fork(), { email: 'percent@example.com' });
    const sut = orm.em.fork().getRepository(User);
    expect(await sut.findByEmail('%@example.com')).toBeNull();
    expect(await sut.findByEmail('percent@example.co_')).toBeNull();
  });

  it('refuses a second account with the same email in another case', async () => {
    await createUser(orm.em.fork(), { email: 'linus@example.com' });
    await expect(createUser(orm.em.fork(), { email: 'LINUS@example.com' })).rejects.toBeInstanceOf(UniqueConstraintViolationException);
    const rows = await db.query<{ n: string }>(`select count(*)::text as n from users where lower(email) = 'linus@example.com'`);
    expect(rows[0].n).toBe('1');
  });

  it('bumps updatedAt on change and keeps createdAt', async () => {
    const em = orm.em.fork();
    const user = await createUser(em, { firstName: 'Old' });
    const createdAt = user.createdAt.getTime();
    await new Promise((r) => setTimeout(r, 15));
    user.firstName = 'New';
    await em.flush();
    const read = await orm.em.fork().findOneOrFail(User, user.id);
    expect(read.firstName).toBe('New');
    expect(read.createdAt.getTime()).toBe(createdAt);
    expect(read.updatedAt.getTime()).toBeGreaterThan(createdAt);
  });

  it('never serialises the password hash or token version', async () => {
    const user = await createUser(orm.em.fork());
    const dto = toUserDto(user);
    expect(Object.keys(dto).sort()).toEqual(
      ['createdAt', 'email', 'firstName', 'id', 'lastLoginAt', 'lastName', 'role', 'status', 'updatedAt'].sort(),
    );
    expect(JSON.stringify(user)).not.toContain('$2b$');
  });
});
