import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { AppError, type UserView } from '@clipyard/contracts';
import type { UserEntity, UserRole } from '@clipyard/database';
import { passwordProblem } from '@clipyard/security';
import { AuditService } from '../audit/audit.service';
import { uniqueViolation, type RequestCtx } from '../common/context';
import { RateLimits } from '../common/rate-limits.service';
import { PasswordHasher } from './password.hasher';
import { toUserView } from './user.view';
import { UsersRepository } from './users.repository';

const emailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email());
const usernameSchema = z.string().regex(/^[A-Za-z0-9_.-]{3,32}$/);

export function normaliseEmail(raw: string): string {
  const r = emailSchema.safeParse(raw);
  if (!r.success) throw new AppError('VALIDATION_FAILED', 'Invalid email', { issues: [{ path: 'email', message: 'must be a valid email address' }] });
  return r.data;
}

export function assertPasswordPolicy(password: string, field: string, context: { email?: string; username?: string } = {}): void {
  const problem = passwordProblem(password, context);
  if (problem) throw new AppError('WEAK_PASSWORD', `Password ${problem}`, { field, reason: problem });
}

/** The account's email; an anonymous (trial) account has none until it is upgraded. */
export function addressOf(user: Pick<UserEntity, 'email'>): string {
  if (user.email === null) throw new AppError('NOT_ANONYMOUS', 'This anonymous account has no email yet: upgrade it first (POST /v1/auth/upgrade)');
  return user.email;
}

/** Accounts: sign-up, profile, roles and activation. Listeners react to deactivation/role changes. */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly limits: RateLimits,
  ) {}

  async register(p: { email: string; username?: string; password: string; full_name?: string; ctx: RequestCtx }): Promise<UserView> {
    await this.limits.register(p.ctx.ip);
    return this.create({ ...p, role: 'user' });
  }

  /** Creates an account (no rate limit: REPL, bootstrap). */
  async create(p: {
    email: string;
    username?: string;
    password: string;
    full_name?: string;
    role?: UserRole;
    /** The bootstrap admin's address counts as verified (there is nobody to click a link yet). */
    emailVerified?: boolean;
    ctx?: RequestCtx;
  }): Promise<UserView> {
    const email = normaliseEmail(p.email);
    if (p.username !== undefined && !usernameSchema.safeParse(p.username).success) {
      throw new AppError('VALIDATION_FAILED', 'Invalid username', {
        issues: [{ path: 'username', message: '3-32 letters, digits, dot, dash or underscore' }],
      });
    }
    assertPasswordPolicy(p.password, 'password', { email, username: p.username });
    // Checked first so the usual duplicate never reaches the driver (whose error log would carry the row).
    if (await this.users.emailTaken(email)) throw new AppError('EMAIL_TAKEN', 'An account with this email already exists');
    if (p.username && (await this.users.usernameTaken(p.username))) throw new AppError('USERNAME_TAKEN', 'This username is taken');
    const passwordHash = await this.hasher.hash(p.password);
    let user: UserEntity;
    try {
      user = await this.users.insert({
        email,
        username: p.username ?? null,
        passwordHash,
        fullName: p.full_name ?? null,
        role: p.role ?? 'user',
        emailVerifiedAt: p.emailVerified ? new Date() : null,
      });
    } catch (err) {
      const c = uniqueViolation(err);
      if (c === 'users_email_uq') throw new AppError('EMAIL_TAKEN', 'An account with this email already exists');
      if (c === 'users_username_uq') throw new AppError('USERNAME_TAKEN', 'This username is taken');
      throw err;
    }
    await this.audit.record('user.registered', { userId: user.id, ctx: p.ctx, metadata: { role: user.role } });
    return toUserView(user);
  }

  async get(userId: string): Promise<UserView> {
    return toUserView(await this.require(userId));
  }

  async require(userId: string): Promise<UserEntity> {
    const u = await this.users.find(userId);
    if (!u) throw new AppError('NOT_FOUND', 'User not found');
    return u;
  }

  /** 403 EMAIL_NOT_VERIFIED until the address is verified (REQUIRE_VERIFIED_EMAIL). */
  async assertVerified(userId: string): Promise<void> {
    const u = await this.require(userId);
    if (!u.emailVerifiedAt) throw new AppError('EMAIL_NOT_VERIFIED', 'Verify your email first: follow the link or enter the code we sent (POST /v1/auth/email/resend for a new one)');
  }

  async findForLogin(login: string): Promise<UserEntity | null> {
    const value = login.trim();
    if (!value || value.length > 254) return null;
    return value.includes('@') ? this.users.findByEmail(value.toLowerCase()) : this.users.findByUsername(value);
  }

  async update(userId: string, patch: { full_name?: string | null; timezone?: string | null; avatar_url?: string | null }): Promise<UserView> {
    const u = await this.require(userId);
    if (patch.timezone) {
      try {
        new Intl.DateTimeFormat('en', { timeZone: patch.timezone });
      } catch {
        throw new AppError('VALIDATION_FAILED', 'Invalid timezone', { issues: [{ path: 'timezone', message: 'must be an IANA time zone' }] });
      }
    }
    if (patch.full_name !== undefined) u.fullName = patch.full_name;
    if (patch.timezone !== undefined) u.timezone = patch.timezone;
    if (patch.avatar_url !== undefined) u.avatarUrl = patch.avatar_url;
    u.updatedAt = new Date();
    await this.users.updateProfile(userId, u);
    await this.audit.record('profile.updated', { userId, metadata: { fields: Object.keys(patch) } });
    return toUserView(u);
  }

  async checkEmail(email: string): Promise<boolean> {
    const normal = normaliseEmail(email);
    return !(await this.users.emailTaken(normal));
  }
}
