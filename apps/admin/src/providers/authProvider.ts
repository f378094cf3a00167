/**
 * Auth over the API's `login` and `me`: the token lives in localStorage (./session); permissions are
 * the user's roles and agency, read by the domain's `can` everywhere in the console.
 */
import type { AuthProvider } from 'ra-core';
import type { Actor, Role } from '@touming/domain/permissions';
import { LoginDocument, MeDocument } from '../gql/graphql';
import { errorCodeOf, request } from './graphqlClient';
import { clearSession, getStoredUser, getToken, saveSession, saveUser } from './session';
import { canAccessResource } from './access';

export interface Permissions extends Actor {
  roles: Role[];
  agencyId: string;
}

export interface ToumingIdentity {
  id: string;
  fullName: string;
  username: string;
  agencyId: string;
  agencyName: string;
  roles: Role[];
  /** the level of the user's region (PROVINCE … TOWNSHIP), null without a region tree: the console's words follow it */
  regionLevel: string | null;
}

/** the 修改密码 screen (App's custom route) */
export const PASSWORD_PATH = '/password';

export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    const { login } = await request(LoginDocument, { username: String(username).trim(), password }, { anonymous: true });
    saveSession(login.token, login.user);
    // a password an administrator set works once: the change form comes first
    if (login.user.mustChangePassword) return { redirectTo: PASSWORD_PATH };
  },

  async logout() {
    clearSession();
  },

  async checkAuth() {
    if (!getToken()) throw new Error('请先登录');
  },

  async checkError(error: unknown) {
    const status = (error as { status?: number } | null)?.status;
    if (errorCodeOf(error) === 'PASSWORD_CHANGE_REQUIRED') {
      // still signed in, but nothing else is allowed until the password is the user's own
      throw { message: false, logoutUser: false, redirectTo: PASSWORD_PATH };
    }
    if (errorCodeOf(error) === 'UNAUTHENTICATED' || status === 401) {
      clearSession();
      // react-admin shows this message after redirecting to the login page
      throw { message: '登录已失效，请重新登录', logoutUser: true };
    }
  },

  async getIdentity(): Promise<ToumingIdentity> {
    let user = getStoredUser();
    try {
      const { me } = await request(MeDocument);
      if (me) {
        user = me;
        saveUser(me);
      }
    } catch (e) {
      if (errorCodeOf(e) === 'UNAUTHENTICATED') throw e;
      // offline or the API is restarting: keep showing the stored identity
    }
    if (!user) throw new Error('请先登录');
    return {
      id: user.id,
      fullName: user.displayName,
      username: user.username,
      agencyId: user.agencyId,
      agencyName: user.agency?.name ?? '',
      roles: user.roles,
      regionLevel: user.region?.level ?? null,
    };
  },

  async getPermissions(): Promise<Permissions | null> {
    const user = getStoredUser();
    if (!user) return null;
    return { roles: user.roles, agencyId: String(user.agencyId) };
  },

  async canAccess({ action, resource, record }) {
    const user = getStoredUser();
    if (!user) return false;
    return canAccessResource({ roles: user.roles, agencyId: String(user.agencyId) }, resource, action, record);
  },
};
