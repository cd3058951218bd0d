import type { UserView } from '@clipyard/contracts';
import type { UserEntity } from '@clipyard/database';

export const toUserView = (u: UserEntity): UserView => ({
  id: u.id,
  email: u.email,
  username: u.username,
  full_name: u.fullName,
  timezone: u.timezone,
  avatar_url: u.avatarUrl,
  role: u.role,
  is_active: u.isActive,
  email_verified: u.emailVerifiedAt !== null,
  has_password: u.passwordHash !== null,
  is_anonymous: u.isAnonymous,
  created_at: u.createdAt.toISOString(),
});
