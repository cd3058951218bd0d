import { Controller, Get, Header } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@clipyard/observability';
import { JwtVerifier } from './jwt.verifier';
import { ApiRoute, rpcReply } from '../openapi/api-route.decorator';

/** The public keys access tokens are signed with (served from the gateway's cache). */
@ApiTags('auth')
@Public()
@Controller('.well-known')
export class JwksController {
  constructor(private readonly jwt: JwtVerifier) {}

  @Get('jwks.json')
  @ApiRoute({
    id: 'auth.jwks',
    summary: 'The public keys access tokens are signed with (JWKS)',
    responses: { 200: rpcReply('auth.jwks') },
  })
  @Header('Cache-Control', 'public, max-age=300')
  jwks() {
    return this.jwt.keySet();
  }
}
