import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-local';
import { requestOrigin } from '../../audit/caller.decorator';
import { AuthService } from '../auth.service';
import type { User } from '../../users/user.entity';

/** passport-local on `{email, password}`; the client address feeds the login throttle. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy) {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true, session: false });
  }

  validate(req: Request, email: string, password: string): Promise<User> {
    return this.auth.validateLogin(email, password, requestOrigin(req));
  }
}
