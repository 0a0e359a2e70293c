import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { ListUsersQueryDto } from './list-users.query';

/** As the ValidationPipe sees a query string: every value a string. */
async function parse(query: Record<string, string>): Promise<{ sut: ListUsersQueryDto; errors: string[] }> {
  const sut = plainToInstance(ListUsersQueryDto, query);
  const errors = await validate(sut, { whitelist: true, forbidNonWhitelisted: true });
  return { sut, errors: errors.map((e) => e.property) };
}

describe('ListUsersQueryDto', () => {
  it('defaults to page 1 of 20, newest first (order resolved by the service)', async () => {
    const { sut, errors } = await parse({});
    expect(errors).toEqual([]);
    expect(sut).toMatchObject({ page: 1, pageSize: 20, sort: 'createdAt' });
    expect(sut.order).toBeUndefined();
    expect(sut.search).toBeUndefined();
  });

  it('converts numbers and accepts every documented value', async () => {
    const { sut, errors } = await parse({
      search: '  Ada Love  ',
      role: 'moderator',
      status: 'inactive',
      page: '3',
      pageSize: '100',
      sort: 'name',
      order: 'asc',
    });
    expect(errors).toEqual([]);
    expect(sut).toEqual(
      Object.assign(new ListUsersQueryDto(), {
        search: 'Ada Love',
        role: 'moderator',
        status: 'inactive',
        page: 3,
        pageSize: 100,
        sort: 'name',
        order: 'asc',
      }),
    );
  });

  it.each(['0', '101', 'abc', '1.5', '-1', ''])('refuses pageSize %j', async (pageSize) => {
    expect((await parse({ pageSize })).errors).toEqual(['pageSize']);
  });

  it.each(['0', 'abc', '2.5'])('refuses page %j', async (page) => {
    expect((await parse({ page })).errors).toEqual(['page']);
  });

  it.each([
    ['sort', 'password'],
    ['sort', 'passwordHash'],
    ['order', 'sideways'],
    ['role', 'superuser'],
    ['status', 'deleted'],
  ])('refuses %s=%j', async (field, value) => {
    expect((await parse({ [field]: value })).errors).toEqual([field]);
  });

  it('accepts a 200-character search (after trimming) and refuses 201', async () => {
    expect((await parse({ search: ` ${'a'.repeat(200)} ` })).errors).toEqual([]);
    expect((await parse({ search: 'a'.repeat(201) })).errors).toEqual(['search']);
  });

  it('refuses unknown fields', async () => {
    expect((await parse({ passwordHash: 'x' })).errors).toEqual(['passwordHash']);
  });
});
