import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { exec, execFile, execSync, spawn } from 'child_process';

@Controller('tools')
export class ToolsController {
  @Get('ping')
  ping(@Query('host') host: string) {
    // ruleid: ts-nestjs-command-injection-taint
    exec(`ping -c 1 ${host}`, (err, out) => console.log(out));
    // ok: ts-nestjs-command-injection-taint
    execFile('ping', ['-c', '1', host], (err, out) => console.log(out));
  }

  @Post('convert')
  convert(@Body() body: { file: string; tool: string }) {
    // ruleid: ts-nestjs-command-injection-taint
    const output = execSync('convert ' + body.file + ' out.png').toString();
    // ok: ts-nestjs-command-injection-taint
    const version = execSync('convert --version').toString();
    // ruleid: ts-nestjs-command-injection-taint
    spawn(body.tool, ['--help']);
    // ok: ts-nestjs-command-injection-taint
    spawn('identify', [body.file]);
    return output + version;
  }
}
