import { Body, Controller, Get, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { PrismaClient } from '@prisma/client';
import { DataSource } from 'typeorm';

interface SearchDto {
  term: string;
}

@Controller('users')
export class UsersController {
  private readonly prisma = new PrismaClient();

  constructor(private readonly dataSource: DataSource) {}

  @Get()
  async find(@Query('name') name: string) {
    // ruleid: ts-nestjs-sqli-taint
    return this.dataSource.query(`SELECT * FROM users WHERE name = '${name}'`);
  }

  @Get('safe')
  async findSafe(@Query('name') name: string) {
    // ok: ts-nestjs-sqli-taint
    return this.dataSource.query('SELECT * FROM users WHERE name = $1', [name]);
  }

  @Get(':id')
  async findOne(@Param('id', ParseIntPipe) id: number) {
    // ok: ts-nestjs-sqli-taint
    return this.dataSource.query(`SELECT * FROM users WHERE id = ${id}`);
  }

  @Post('search')
  async search(@Body() dto: SearchDto) {
    // ruleid: ts-nestjs-sqli-taint
    const rows = await this.prisma.$queryRawUnsafe(`SELECT * FROM posts WHERE title LIKE '%${dto.term}%'`);
    // ok: ts-nestjs-sqli-taint
    const same = await this.prisma.$queryRaw`SELECT * FROM posts WHERE title LIKE ${'%' + dto.term + '%'}`;
    const builder = this.dataSource.createQueryBuilder().select('post').from('posts', 'post');
    // ruleid: ts-nestjs-sqli-taint
    builder.where(`post.author = '${dto.term}'`);
    // ok: ts-nestjs-sqli-taint
    builder.where('post.author = :author', { author: dto.term });
    return [rows, same, await builder.getMany()];
  }
}
