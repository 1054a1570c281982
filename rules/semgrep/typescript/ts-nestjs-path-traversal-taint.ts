import { Controller, Delete, Get, Param, Query, Res } from '@nestjs/common';
import { Response } from 'express';
import * as fs from 'fs';
import * as path from 'path';

const BASE = '/srv/files';

@Controller('files')
export class FilesController {
  @Get(':name')
  read(@Param('name') name: string) {
    // ruleid: ts-nestjs-path-traversal-taint
    return fs.readFileSync(path.join(BASE, name), 'utf8');
  }

  @Get('safe/:name')
  readSafe(@Param('name') name: string) {
    // ok: ts-nestjs-path-traversal-taint
    return fs.readFileSync(path.join(BASE, path.basename(name)), 'utf8');
  }

  @Get('download')
  download(@Query('file') file: string, @Res() res: Response) {
    // ruleid: ts-nestjs-path-traversal-taint
    res.sendFile(BASE + '/' + file);
  }

  @Get('download-rooted')
  downloadRooted(@Query('file') file: string, @Res() res: Response) {
    // ok: ts-nestjs-path-traversal-taint
    res.sendFile(file, { root: BASE });
  }

  @Delete(':name')
  remove(@Param('name') name: string) {
    // ruleid: ts-nestjs-path-traversal-taint
    fs.unlinkSync(`${BASE}/${name}`);
    // ok: ts-nestjs-path-traversal-taint
    fs.unlinkSync(`${BASE}/latest.tmp`);
  }
}
