// An admin user as the office names them in run records and acknowledgements.
export interface AdminUser {
  readonly firstname?: string | null;
  readonly lastname?: string | null;
  readonly username?: string | null;
  readonly email?: string | null;
}

/** An admin user as the office names them: 姓名, else the login. */
export function adminName(user: AdminUser | undefined): string | null {
  if (!user) return null;
  const name = [user.lastname, user.firstname].filter(Boolean).join('');
  return name || user.username || user.email || null;
}
