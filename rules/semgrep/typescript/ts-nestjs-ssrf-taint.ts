import { HttpService } from '@nestjs/axios';
import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import axios from 'axios';

@Controller('proxy')
export class ProxyController {
  constructor(private readonly httpService: HttpService) {}

  @Get()
  async fetchUrl(@Query('url') url: string) {
    // ruleid: ts-nestjs-ssrf-taint
    const response = await fetch(url);
    return response.text();
  }

  @Get('avatar')
  async avatar(@Query('user') user: string) {
    // ok: ts-nestjs-ssrf-taint
    const response = await fetch(`https://avatars.example.com/${user}.png`);
    // ok: ts-nestjs-ssrf-taint
    const status = await axios.get('https://status.example.com/health');
    return [response.status, status.status];
  }

  @Post('webhook')
  webhook(@Body() body: { callback: string; host: string }) {
    // ruleid: ts-nestjs-ssrf-taint
    this.httpService.post(body.callback, { ok: true });
    // ruleid: ts-nestjs-ssrf-taint
    axios.get('http://' + body.host + '/internal/health');
    // ok: ts-nestjs-ssrf-taint
    axios.get('https://hooks.example.com/' + encodeURIComponent(body.host));
  }
}
