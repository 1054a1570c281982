import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import { Response } from 'express';
import escapeHtml from 'escape-html';

@Controller('greet')
export class GreetController {
  @Get()
  @Header('Content-Type', 'text/html')
  hello(@Query('name') name: string) {
    // ruleid: ts-nestjs-xss-taint
    return `<h1>Hello ${name}</h1>`;
  }

  @Get('safe')
  @Header('Content-Type', 'text/html')
  helloSafe(@Query('name') name: string) {
    // ok: ts-nestjs-xss-taint
    return `<h1>Hello ${escapeHtml(name)}</h1>`;
  }

  @Get('json')
  helloJson(@Query('name') name: string) {
    // ok: ts-nestjs-xss-taint
    return { greeting: `Hello ${name}` };
  }

  @Get('raw')
  raw(@Query('msg') msg: string, @Res() res: Response) {
    // ruleid: ts-nestjs-xss-taint
    res.send('<p>' + msg + '</p>');
  }

  @Get('raw-json')
  rawJson(@Query('msg') msg: string, @Res() res: Response) {
    // ok: ts-nestjs-xss-taint
    res.send({ msg });
  }
}
