import { z } from 'zod';
import { defineContract } from '../shared/contract.ts';
import { LoginInput, Me, PasswordChangeInput } from './users.ts';

export const authContract = defineContract('auth', {
  login: {
    method: 'POST',
    path: '/api/auth/login',
    summary: 'Sign in: sets the session cookie and returns the CSRF token for later writes',
    body: LoginInput,
    response: Me,
    refusals: { 429: 'Too many failed attempts for this account or from this address' },
  },
  logout: { method: 'POST', path: '/api/auth/logout', summary: 'Sign out', response: z.null(), status: 204 },
  me: {
    method: 'GET',
    path: '/api/auth/me',
    summary: 'The signed-in user, with the CSRF token to send on writes; 401 when signed out',
    response: Me,
  },
  changePassword: {
    method: 'POST',
    path: '/api/auth/password',
    summary: 'Change one’s own password',
    body: PasswordChangeInput,
    response: z.null(),
    status: 204,
  },
});
