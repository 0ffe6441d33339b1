import type { Context } from 'hono';

export type ErrorStatus = 400 | 404 | 405 | 500;

/** Every API error has one shape: `{ "error": { "status", "message" } }`. */
export function jsonError(c: Context, status: ErrorStatus, message: string) {
  return c.json({ error: { status, message } }, status);
}
