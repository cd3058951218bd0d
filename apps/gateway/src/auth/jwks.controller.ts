import { Controller, Get, Header } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@clipyard/observability';
import { JwtVerifier } from './jwt.verifier';

/** The public keys access tokens are signed with (served from the gateway's cache). */
@ApiTags('auth')
@Public()
@Controller('.well-known')
export class JwksController {
  constructor(private readonly jwt: JwtVerifier) {}

  @Get('jwks.json')
  @Header('Cache-Control', 'public, max-age=300')
  jwks() {
    return this.jwt.keySet();
  }
}
